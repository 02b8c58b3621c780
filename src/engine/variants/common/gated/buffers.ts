// What a gated or delta-rule variant allocates (./gpu/), from its rule: the
// log gates (1 or dk channels per token), β and the bonus u where the rule has
// them, the normalised keys of the delta rule, the gate cumsums of the parallel
// and chunk forms, and each form's matrices and states. The delta rule's chunk
// form lists the per-chunk transitions of its fast path, which a device with too
// little workgroup memory skips: the plan errs on the side of refusing.
import {
  bufferPlan,
  f32Buffers,
  matrixBuffer,
  planNumber,
  type BufferPlan,
  type PlanRequest,
} from '../buffers';
import type { BufferSize } from '../cost';
import { gateChannels, type GatedRule } from './rule';

export function gatedBuffers(rule: GatedRule): BufferPlan {
  return bufferPlan({ webgpu: (req) => gatedGpuBuffers(rule, req) });
}

function gatedGpuBuffers(rule: GatedRule, req: PlanRequest): BufferSize[] {
  const { n, dk, dv, heads, form } = req;
  const channels = gateChannels(rule, dk);
  const stateFloats = dk * dv;
  const inputs: [string, number][] = [['gates', heads * n * channels]];
  if (rule.delta) inputs.push(['beta', heads * n]);
  if (rule.bonus) inputs.push(['bonus u', heads * dk]);
  if (rule.delta && req.params.normalizeK !== false) inputs.push(['normalised keys', heads * n * dk]);
  const cumsums: [string, number][] = [
    ['gate cumsums', heads * n * channels],
    ['query-side gate cumsums', heads * n * channels],
  ];
  if (form === 'parallel') {
    const delta: [string, number][] = rule.delta
      ? [
          ['the n×n KKᵀ', heads * n * n],
          ['U = T·diag(β)V', heads * n * dv],
        ]
      : [];
    return [matrixBuffer(req), ...f32Buffers([...inputs, ...cumsums, ...delta])];
  }
  if (form === 'chunk') {
    const chunks = Math.ceil(n / planNumber(req.params, 'chunkSize', 64));
    const delta: [string, number][] = rule.delta
      ? [
          ['W (WY representation)', heads * n * dk],
          ["U, then U'", heads * n * dv],
          ['the per-chunk transitions M', heads * chunks * dk * dk],
        ]
      : [];
    return f32Buffers([
      ...inputs,
      ...cumsums,
      ['the per-chunk states', heads * chunks * stateFloats],
      ['the final state', heads * stateFloats],
      ...delta,
    ]);
  }
  return f32Buffers([...inputs, ['the state', heads * stateFloats]]);
}
