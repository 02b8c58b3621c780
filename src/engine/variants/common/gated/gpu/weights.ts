// weights() of a gated variant: the decay family draws the parallel form's
// matrix; the delta rule runs the recurrent kernel on one-hot values (V = I),
// whose outputs are the rows of the effective weights
// (scale·QKᵀ ⊙ Γ ⊙ M)·T·diag(β), in O(n²·dk).
import { checkGrid, type Dispatch, type GpuContext, type GpuSpec } from '../../../../gpu/plan';
import type { PlanBuffers, PlanIo } from '../../../../gpu/plan';
import { kernelDispatch as dispatch } from '../../../../gpu/pipelines';
import { storage, uniform } from './buffers';
import { constantsOf, gatedPipeline } from './kernels';
import { MATRIX_BLOCK } from './parallel';
import { recurrentGroups } from './recurrent';
import type { GatedSetup } from './setup';
import { cumsumDispatch, uploadInputs } from './upload';

/**
 * weights() of head 0 (spec.heads = 1) into `matrix` (n×n, freshly created and
 * so zero): the parallel form's matrix for the decay family, the recurrent kernel
 * on one-hot values for the delta rule (it writes the rows t ≥ its first column;
 * the rest of the lower triangle is zero by causality).
 */
export function gatedGpuWeights(
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  matrix: GPUBuffer,
  buffers: PlanBuffers,
  setup: GatedSetup,
): Dispatch[] {
  const { n } = spec;
  const input = uploadInputs(ctx, spec, setup, io.k, buffers);
  const dispatches = [...input.dispatches];
  if (setup.delta) {
    const kernel = gatedPipeline(ctx, 'recurrent', { ...constantsOf(spec, setup, 1), WG: 64 });
    const params = uniform(ctx, spec, buffers, { cols: n, scale: setup.scale, oneHot: true });
    // v and the state are not used with one-hot values (distinct buffers: one is bound writable).
    const unusedValues = storage(buffers, 4, 'unused values');
    const unusedState = storage(buffers, 4, 'unused state');
    checkGrid([recurrentGroups(n)], ctx.limits, 'the weights');
    dispatches.push(
      dispatch(
        ctx,
        'one-hot recurrence',
        kernel,
        [params, io.q, input.keys, unusedValues, input.g, input.beta, input.u, matrix, unusedState],
        [recurrentGroups(n), 1, 1],
      ),
    );
    return dispatches;
  }
  const blocks = Math.ceil(n / MATRIX_BLOCK);
  checkGrid([blocks], ctx.limits, 'the weights');
  const sums = cumsumDispatch(ctx, spec, setup, input.g, MATRIX_BLOCK, buffers);
  const kernel = gatedPipeline(ctx, 'decayMatrix', constantsOf(spec, setup, MATRIX_BLOCK));
  const params = uniform(ctx, spec, buffers, { scale: setup.scale });
  dispatches.push(
    sums.dispatch,
    dispatch(
      ctx,
      'decayed scores',
      kernel,
      [params, io.q, input.keys, sums.incl, sums.qSide, input.u, matrix],
      [blocks, blocks, 1],
    ),
  );
  return dispatches;
}
