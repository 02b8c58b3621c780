// The parallel form: the n×n matrix (scale·QKᵀ ⊙ the decay summed over exactly
// the steps between j and i) times the values. The delta rule first builds the
// strictly lower KKᵀ ⊙ Γ with the same kernel and solves U = T·diag(β)V by
// forward substitution, and multiplies by U instead.
import { checkGrid, type FormPlan, type GpuContext, type GpuSpec } from '../../../../gpu/plan';
import type { PlanBuffers, PlanIo } from '../../../../gpu/plan';
import { kernelDispatch as dispatch } from '../../../../gpu/pipelines';
import { storage, uniform } from './buffers';
import { constantsOf, gatedPipeline } from './kernels';
import type { GatedSetup } from './setup';
import { cumsumDispatch, type Uploaded } from './upload';

/** Token block of the parallel form's cumulative sums (the matrix tile height). */
export const MATRIX_BLOCK = 16;

export function parallelPlan(
  ctx: GpuContext,
  spec: GpuSpec,
  io: PlanIo,
  buffers: PlanBuffers,
  setup: GatedSetup,
  input: Uploaded,
): FormPlan {
  const { n, dv, heads } = spec;
  const dispatches = [...input.dispatches];
  const blocks = Math.ceil(n / MATRIX_BLOCK);
  checkGrid([blocks, blocks, heads], ctx.limits, `${spec.variant} parallel`);
  const sums = cumsumDispatch(ctx, spec, setup, input.g, MATRIX_BLOCK, buffers);
  dispatches.push(sums.dispatch);
  const matrix = storage(buffers, heads * n * n, 'n×n matrix');
  const matrixKernel = gatedPipeline(ctx, 'decayMatrix', constantsOf(spec, setup, MATRIX_BLOCK));
  const scoreParams = uniform(ctx, spec, buffers, { scale: setup.scale });
  dispatches.push(
    dispatch(
      ctx,
      'decayed scores',
      matrixKernel,
      [scoreParams, io.q, input.keys, sums.incl, sums.qSide, input.u, matrix],
      [blocks, blocks, heads],
    ),
  );
  let values = io.v;
  if (setup.delta) {
    const kk = storage(buffers, heads * n * n, 'n×n KKᵀ');
    const kkParams = uniform(ctx, spec, buffers, { scale: 1, strict: true });
    dispatches.push(
      dispatch(
        ctx,
        'decayed KKᵀ',
        matrixKernel,
        [kkParams, input.keys, input.keys, sums.incl, sums.qSide, input.u, kk],
        [blocks, blocks, heads],
      ),
    );
    values = storage(buffers, heads * n * dv, 'U = T·diag(β)V');
    const solve = gatedPipeline(ctx, 'forwardSubst', constantsOf(spec, setup, MATRIX_BLOCK));
    dispatches.push(
      dispatch(
        ctx,
        'forward substitution',
        solve,
        [scoreParams, kk, io.v, input.beta, values],
        [Math.ceil(dv / 64), heads, 1],
      ),
    );
  }
  const times = gatedPipeline(ctx, 'lowerTimes', constantsOf(spec, setup, MATRIX_BLOCK));
  dispatches.push(
    dispatch(
      ctx,
      'matrix × values',
      times,
      [scoreParams, matrix, values, io.o],
      [Math.ceil(dv / 16), blocks, heads],
    ),
  );
  return { dispatches, matrix };
}
