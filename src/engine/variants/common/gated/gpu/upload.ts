// The first passes of every gated plan: upload the gates, β and u, and
// normalise the keys for the delta rule; then, for the parallel and chunk forms
// and the decay family's weights(), the gate cumsums per token block.
import { grid2d, type Dispatch, type GpuContext, type GpuSpec, type PlanBuffers } from '../../../../gpu/plan';
import { kernelDispatch as dispatch } from '../../../../gpu/pipelines';
import { storage, uniform, uploaded } from './buffers';
import { constantsOf, gatedPipeline } from './kernels';
import type { GatedSetup } from './setup';

/** Inputs every form uploads: gates, β, u, and the keys the kernels read (normalised for the delta rule). */
export interface Uploaded {
  readonly g: GPUBuffer;
  readonly beta: GPUBuffer;
  readonly u: GPUBuffer;
  readonly keys: GPUBuffer;
  readonly dispatches: Dispatch[];
}

export function uploadInputs(
  ctx: GpuContext,
  spec: GpuSpec,
  setup: GatedSetup,
  k: GPUBuffer,
  buffers: PlanBuffers,
): Uploaded {
  const g = uploaded(ctx, buffers, setup.g, 'gates');
  const beta = uploaded(ctx, buffers, setup.beta, 'beta');
  const u = uploaded(ctx, buffers, setup.u, 'bonus u');
  const dispatches: Dispatch[] = [];
  let keys = k;
  if (setup.delta && setup.normalizeK) {
    keys = storage(buffers, spec.heads * spec.n * spec.dk, 'normalised keys');
    // Rows per workgroup: 2048 staged floats (8 KiB plus padding) at most.
    const rows = Math.max(1, Math.min(256, Math.floor(2048 / spec.dk)));
    const kernel = gatedPipeline(ctx, 'normalizeK', { ...constantsOf(spec, setup, 1), ROWS: rows });
    const params = uniform(ctx, spec, buffers, {});
    dispatches.push(
      dispatch(
        ctx,
        'normalise keys',
        kernel,
        [params, k, keys],
        grid2d(Math.ceil((spec.heads * spec.n) / rows), ctx.limits),
      ),
    );
  }
  return { g, beta, u, keys, dispatches };
}

/** Block-local gate cumsums (reset every `block` tokens): inclusive, and the query side's. */
export function cumsumDispatch(
  ctx: GpuContext,
  spec: GpuSpec,
  setup: GatedSetup,
  gates: GPUBuffer,
  block: number,
  buffers: PlanBuffers,
): { dispatch: Dispatch; incl: GPUBuffer; qSide: GPUBuffer } {
  const floats = spec.heads * spec.n * setup.channels;
  const incl = storage(buffers, floats, 'gate cumsums');
  const qSide = storage(buffers, floats, 'query-side gate cumsums');
  const threads = spec.heads * Math.ceil(spec.n / block) * setup.channels;
  const kernel = gatedPipeline(ctx, 'cumsum', constantsOf(spec, setup, block));
  const params = uniform(ctx, spec, buffers, {});
  return {
    dispatch: dispatch(
      ctx,
      'gate cumsums',
      kernel,
      [params, gates, incl, qSide],
      grid2d(Math.ceil(threads / 64), ctx.limits),
    ),
    incl,
    qSide,
  };
}
