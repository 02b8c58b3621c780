// The delta rule's part of the chunk form: per-chunk states and U' = U − W S,
// the values chunk_output reads. Where its tiles fit the device's workgroup
// memory, the fast path: delta_prep (T = (I + L)⁻¹ blockwise, W, U per chunk) →
// delta_transition (each chunk as S ↦ M S + B, in parallel) → delta_chain[_sg]
// (the only sequential pass: one dk×dk product per chunk) → delta_uprime.
// Otherwise the WY substitution per chunk (delta_wy) and a sequential state
// pass that also forms U' (delta_scan).
import { checkGrid, type Dispatch, type GpuContext, type GpuSpec } from '../../../../gpu/plan';
import type { PlanBuffers, PlanIo } from '../../../../gpu/plan';
import { kernelDispatch as dispatch } from '../../../../gpu/pipelines';
import { storage } from './buffers';
import { deltaScanTiles, fastDeltaTiles, type FastDeltaTiles } from './deltaTiles';
import { gatedPipeline } from './kernels';
import type { Uploaded } from './upload';

/** What the chunk form has set up before the delta rule's passes. */
export interface DeltaChunkInputs {
  readonly constants: Record<string, number>;
  /** The chunk form's GParams uniform. */
  readonly params: GPUBuffer;
  readonly numChunks: number;
  /** Chunk-local gate cumsums. */
  readonly incl: GPUBuffer;
  /** Per-chunk states (written here) and the final state. */
  readonly states: GPUBuffer;
  readonly finalState: GPUBuffer;
}

/**
 * The sequential pass of the fast delta path: delta_chain_sg.wgsl (four threads
 * per row of M, subgroup shuffles, one barrier per chunk) where the device has
 * subgroups and dk is 16, 32 or 64; delta_chain.wgsl (M staged in workgroup
 * memory, two barriers per chunk) otherwise.
 */
function chainDispatch(
  ctx: GpuContext,
  spec: GpuSpec,
  constants: Record<string, number>,
  fast: FastDeltaTiles,
  buffers: readonly GPUBuffer[],
): Dispatch {
  const { dk, dv, heads } = spec;
  const label = 'state chain S ← M S + B';
  if (ctx.subgroupMinSize >= 4 && dk % 16 === 0 && dk <= 64) {
    const columns = 64 / dk;
    checkGrid([Math.ceil(dv / columns), heads], ctx.limits, `${spec.variant} chunk`);
    const kernel = gatedPipeline(ctx, 'deltaChainSg', { ...constants, CW: columns, Q: dk / 16 });
    return dispatch(ctx, label, kernel, buffers, [Math.ceil(dv / columns), heads, 1]);
  }
  const kernel = gatedPipeline(ctx, 'deltaChain', { ...constants, CB: fast.columns, PER: fast.perThread });
  return dispatch(ctx, label, kernel, buffers, [Math.ceil(dv / fast.columns), heads, 1]);
}

/** The delta rule's chunk passes; `values` is U', what the output pass multiplies. */
export function deltaChunkStates(
  ctx: GpuContext,
  spec: GpuSpec,
  io: PlanIo,
  buffers: PlanBuffers,
  input: Uploaded,
  chunkInputs: DeltaChunkInputs,
): { values: GPUBuffer; dispatches: Dispatch[] } {
  const { n, dk, dv, heads } = spec;
  const chunk = spec.chunkSize;
  const { constants, params, numChunks, incl, states, finalState } = chunkInputs;
  const w = storage(buffers, heads * n * dk, 'W (WY representation)');
  const values = storage(buffers, heads * n * dv, "U, then U'");
  const fast = fastDeltaTiles(dk, dv, chunk, ctx.limits.maxComputeWorkgroupStorageSize);
  if (fast) {
    const trans = storage(buffers, heads * numChunks * dk * dk, 'per-chunk transitions M');
    checkGrid([Math.ceil(dv / fast.columns), heads], ctx.limits, `${spec.variant} chunk`);
    const dispatches = [
      dispatch(
        ctx,
        'WY: T = (I + L)⁻¹, W, U',
        gatedPipeline(ctx, 'deltaPrep', {
          ...constants,
          ...fast.solve,
          ...fast.product,
          STAGE: fast.stageKeys ? 1 : 0,
          KS: fast.stageKeys ? chunk * (dk + 1) : 1,
        }),
        [params, input.keys, io.v, incl, input.beta, w, values],
        [numChunks, heads, 1],
      ),
      dispatch(
        ctx,
        'chunk transitions M, B',
        gatedPipeline(ctx, 'deltaTransition', { ...constants, ...fast.transition }),
        [params, input.keys, incl, w, values, trans, states],
        [numChunks, heads, 1],
      ),
      chainDispatch(ctx, spec, constants, fast, [params, trans, states, finalState]),
      dispatch(
        ctx,
        "U' = U − W S",
        gatedPipeline(ctx, 'deltaUprime', constants),
        [params, w, states, values],
        [numChunks, heads, 1],
      ),
    ];
    return { values, dispatches };
  }
  const wy = gatedPipeline(ctx, 'deltaWy', constants);
  const tiles = deltaScanTiles(dk, chunk, ctx.limits.maxComputeWorkgroupStorageSize);
  const scan = gatedPipeline(ctx, 'deltaScan', { ...constants, CB: tiles.columns, PT: tiles.rows });
  const dispatches = [
    dispatch(
      ctx,
      'WY forward substitution',
      wy,
      [params, input.keys, io.v, incl, input.beta, w, values],
      [numChunks, heads, 1],
    ),
    dispatch(
      ctx,
      'state passing',
      scan,
      [params, input.keys, incl, w, values, states, finalState],
      [Math.ceil(dv / tiles.columns), heads, 1],
    ),
  ];
  return { values, dispatches };
}
