// The chunk form: chunk-local gate cumsums → per-chunk states → scan over
// chunks → intra-chunk matrix + inter-chunk read-out (chunk_output). The delta
// rule replaces the per-chunk states and the scan by its own passes
// (./deltaChunk.ts), which also turn the values into U'.
import { checkGrid, grid2d, type FormPlan, type GpuContext, type GpuSpec } from '../../../../gpu/plan';
import type { PlanBuffers, PlanIo } from '../../../../gpu/plan';
import { kernelDispatch as dispatch } from '../../../../gpu/pipelines';
import { EngineError } from '../../../../types';
import { formatBytes } from '../../../../validate';
import { F32, storage, uniform } from './buffers';
import { deltaChunkStates } from './deltaChunk';
import { constantsOf, gatedPipeline } from './kernels';
import type { GatedSetup } from './setup';
import { cumsumDispatch, type Uploaded } from './upload';

export function chunkPlan(
  ctx: GpuContext,
  spec: GpuSpec,
  io: PlanIo,
  buffers: PlanBuffers,
  setup: GatedSetup,
  input: Uploaded,
): FormPlan {
  const { n, dk, dv, heads } = spec;
  const dispatches = [...input.dispatches];
  const stateFloats = dk * dv;
  const chunk = spec.chunkSize;
  const outputBytes = 16 * chunk * F32;
  if (outputBytes > ctx.limits.maxComputeWorkgroupStorageSize) {
    throw new EngineError(
      `chunkSize ${chunk} needs ${formatBytes(outputBytes)} of workgroup memory; this device has ` +
        `${formatBytes(ctx.limits.maxComputeWorkgroupStorageSize)} (chunkSize ≤ ` +
        `${Math.floor(ctx.limits.maxComputeWorkgroupStorageSize / (16 * F32))} fits)`,
    );
  }
  const numChunks = Math.ceil(n / chunk);
  checkGrid([numChunks, heads], ctx.limits, `${spec.variant} chunk`);
  const constants = constantsOf(spec, setup, chunk);
  const sums = cumsumDispatch(ctx, spec, setup, input.g, chunk, buffers);
  dispatches.push(sums.dispatch);
  const states = storage(buffers, heads * numChunks * stateFloats, 'per-chunk states');
  const finalState = storage(buffers, heads * stateFloats, 'final state');
  const params = uniform(ctx, spec, buffers, { numChunks, scale: setup.scale });
  let values = io.v;
  if (setup.delta) {
    const delta = deltaChunkStates(ctx, spec, io, buffers, input, {
      constants,
      params,
      numChunks,
      incl: sums.incl,
      states,
      finalState,
    });
    values = delta.values;
    dispatches.push(...delta.dispatches);
  } else {
    const own = gatedPipeline(ctx, 'chunkState', constants);
    const scan = gatedPipeline(ctx, 'chunkScan', constants);
    dispatches.push(
      dispatch(
        ctx,
        'chunk states',
        own,
        [params, input.keys, io.v, sums.incl, states],
        [numChunks, heads, 1],
      ),
      dispatch(
        ctx,
        'scan over chunks',
        scan,
        [params, sums.incl, states, finalState],
        grid2d(Math.ceil((heads * stateFloats) / 256), ctx.limits),
      ),
    );
  }
  const output = gatedPipeline(ctx, 'chunkOutput', constants);
  dispatches.push(
    dispatch(
      ctx,
      'chunk outputs',
      output,
      [params, io.q, input.keys, values, sums.incl, sums.qSide, input.u, states, io.o],
      [numChunks, heads, 1],
    ),
  );
  return { dispatches, state: { buffer: finalState, floats: stateFloats, strideFloats: stateFloats } };
}
