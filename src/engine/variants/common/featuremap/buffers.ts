// What a feature-map variant allocates (./gpu.ts): φ(Q), φ(K) (heads×n×r), then
// either the n×n matrix (parallel) or the linear kernels' inputs and outputs on
// V' = [V, 1] with their states (recurrent, chunk). The CPU forms hold φ(Q) of
// one head beside the usual arrays; Based's r = 1 + dk + dk² makes it the
// largest of them.
import { BYTES_F64, type CostModel } from '../cost';
import {
  bufferPlan,
  f32Buffers,
  matrixBuffer,
  planNumber,
  type BufferPlan,
  type PlanRequest,
} from '../buffers';
import { linearStateRecordFloats } from '../../linear/buffers';

export interface FeaturePlanShape {
  /** InLine: the recurrent and chunk forms run twice the heads (the extra ones return Σv and the count). */
  readonly doubledHeads?: boolean;
  /** Performer: one exponent shift per query row (and per head for the keys). */
  readonly shifted?: boolean;
}

export function featureMapBuffers(cost: CostModel, shape: FeaturePlanShape = {}): BufferPlan {
  const r = (req: PlanRequest) => cost.featureDimension?.(req) ?? req.dk;
  const phiLabel = (req: PlanRequest, which: 'Q' | 'K') =>
    `φ(${which}) (n×r, feature dimension r = ${r(req)})`;
  return bufferPlan({
    webgpu: (req) => {
      const { n, dv, heads } = req;
      const features = r(req);
      const shifts = shape.shifted ? f32Buffers([['the query shifts', heads * n]]) : [];
      if (req.form === 'parallel') {
        return [
          matrixBuffer(req),
          ...f32Buffers([
            [phiLabel(req, 'Q'), heads * n * features],
            [phiLabel(req, 'K'), heads * n * features],
          ]),
          ...shifts,
        ];
      }
      const headsOut = shape.doubledHeads ? 2 * heads : heads;
      const augmented = dv + 1;
      const record = linearStateRecordFloats(features, augmented);
      const states: [string, number][] =
        req.form === 'chunk'
          ? [
              [
                'the per-chunk states',
                headsOut * Math.ceil(n / planNumber(req.params, 'chunkSize', 64)) * record,
              ],
              ['the linear state', headsOut * record],
            ]
          : [['the linear state', headsOut * features * augmented]];
      return [
        ...f32Buffers([
          [phiLabel(req, 'Q'), headsOut * n * features],
          [phiLabel(req, 'K'), headsOut * n * features],
          ['[V, 1]', headsOut * n * augmented],
          ['num and den', headsOut * n * augmented],
          ...states,
          ['the state', heads * features * dv],
        ]),
        ...shifts,
      ];
    },
    cpu: (req) => [{ label: phiLabel(req, 'Q'), bytes: req.n * r(req) * BYTES_F64 }],
  });
}
