// The recurrent form: one pass over the tokens per head, its state S (dk×dv)
// written out at the end.
import { checkGrid, type Dispatch, type FormPlan, type GpuContext, type GpuSpec } from '../../../../gpu/plan';
import type { PlanBuffers, PlanIo } from '../../../../gpu/plan';
import { columnPartsStagedTokens } from '../../../../gpu/kernels';
import { kernelDispatch as dispatch } from '../../../../gpu/pipelines';
import { storage, uniform } from './buffers';
import { constantsOf, gatedPipeline } from './kernels';
import type { GatedSetup } from './setup';
import type { Uploaded } from './upload';

/** Workgroups for `cols` value columns: both recurrent kernels take 64 per workgroup. */
export function recurrentGroups(cols: number): number {
  return Math.ceil(cols / 64);
}

/**
 * The recurrent form's kernel: recurrent_sg.wgsl (four subgroup lanes per value
 * column, inputs staged in workgroup memory) where the device has subgroups and dk
 * is 16, 32 or 64; recurrent.wgsl (one thread per column) otherwise.
 */
function recurrentDispatch(
  ctx: GpuContext,
  spec: GpuSpec,
  setup: GatedSetup,
  buffers: readonly GPUBuffer[],
): Dispatch {
  const label = `${spec.variant} recurrent`;
  checkGrid([recurrentGroups(spec.dv), spec.heads], ctx.limits, label);
  // Per token the kernel also stages the decays (1 or dk) and β.
  const tokens = columnPartsStagedTokens(ctx, spec.dk, setup.channels + 1);
  const kernel =
    tokens >= 1
      ? gatedPipeline(ctx, 'recurrentSg', { ...constantsOf(spec, setup, 1), TB: tokens })
      : gatedPipeline(ctx, 'recurrent', { ...constantsOf(spec, setup, 1), WG: 64 });
  return dispatch(ctx, label, kernel, buffers, [recurrentGroups(spec.dv), spec.heads, 1]);
}

export function recurrentPlan(
  ctx: GpuContext,
  spec: GpuSpec,
  io: PlanIo,
  buffers: PlanBuffers,
  setup: GatedSetup,
  input: Uploaded,
): FormPlan {
  const { dk, dv, heads } = spec;
  const dispatches = [...input.dispatches];
  const stateFloats = dk * dv;
  const state = storage(buffers, heads * stateFloats, 'state');
  const params = uniform(ctx, spec, buffers, { cols: dv, scale: setup.scale });
  dispatches.push(
    recurrentDispatch(ctx, spec, setup, [
      params,
      io.q,
      input.keys,
      io.v,
      input.g,
      input.beta,
      input.u,
      io.o,
      state,
    ]),
  );
  return { dispatches, state: { buffer: state, floats: stateFloats, strideFloats: stateFloats } };
}
