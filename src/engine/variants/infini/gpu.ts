// WebGPU forms of Infini-attention (attention-math.md §19), H heads per dispatch,
// f32 throughout. Kernels in src/shaders/infini (their headers give the math):
//   parallel: matrix (the implied n×n map, one invocation per row) → the shared
//             weights × V kernel of shaders/util; the final memory by
//             segment_state over all n tokens.
//   chunk:    segment_state (each segment's σ(K)ᵀV and Σσ(k)) → memory_scan (the
//             memory each segment reads, exclusive prefix over segments; the last
//             sum is the final memory) → chunk_output (memory read + local softmax).
// The chunk of the chunk form is the segment N_s (params.chunkSize has no effect:
// see the descriptor). weights(): the matrix kernel for head 0.
import common from '../../../shaders/infini/common.wgsl?raw';
import segmentState from '../../../shaders/infini/segment_state.wgsl?raw';
import memoryScan from '../../../shaders/infini/memory_scan.wgsl?raw';
import chunkOutput from '../../../shaders/infini/chunk_output.wgsl?raw';
import matrixKernel from '../../../shaders/infini/matrix.wgsl?raw';
import { EngineError } from '../../types';
import { infiniRecordFloats } from './buffers';
import {
  bindGroup,
  grid2d,
  paramsUniform,
  type Dispatch,
  type GpuContext,
  type GpuSpec,
  type PlanBuffers,
  type PlanIo,
} from '../../gpu/plan';
import type { FormPlan, GpuForms } from '../../gpu/plan';
import {
  explicitPipeline,
  kernelDispatch,
  u32Constants,
  type BindingKind,
  type KernelPipeline,
} from '../../gpu/pipelines';

const F32 = 4;
const WG = 64;
const UNIFORM_USAGE = 0x0040 /* UNIFORM */ | 0x0008; /* COPY_DST */

const KERNELS = {
  segmentState: { source: segmentState, bindings: ['uniform', 'read', 'read', 'write'] },
  memoryScan: { source: memoryScan, bindings: ['uniform', 'write', 'write'] },
  chunkOutput: { source: chunkOutput, bindings: ['uniform', 'read', 'read', 'read', 'read', 'write'] },
  matrix: { source: matrixKernel, bindings: ['uniform', 'read', 'read', 'write'] },
} as const satisfies Record<string, { source: string; bindings: readonly BindingKind[] }>;
type InfiniKernel = keyof typeof KERNELS;

function pipeline(ctx: GpuContext, name: InfiniKernel, spec: Pick<GpuSpec, 'dk' | 'dv'>): KernelPipeline {
  const code = `// infini kernel ${name}\n${u32Constants({ DK: spec.dk, DV: spec.dv })}\n${common}\n${KERNELS[name].source}`;
  return explicitPipeline(ctx.device, `infini ${name}`, code, KERNELS[name].bindings);
}

/** One dispatch of `threads` invocations, WG per workgroup, spread over x and y. */
function dispatch(
  ctx: GpuContext,
  label: string,
  kernel: KernelPipeline,
  buffers: readonly GPUBuffer[],
  threads: number,
): Dispatch {
  return kernelDispatch(
    ctx,
    label,
    kernel,
    buffers,
    grid2d(Math.max(1, Math.ceil(threads / WG)), ctx.limits),
  );
}

export interface InfiniGpuParams {
  readonly segment: number;
  /** sigmoid(β). */
  readonly gate: number;
  readonly scale: number;
}

/** The validated params as the kernels take them (sigmoid in float64 on the host). */
export function infiniGpuParams(spec: GpuSpec): InfiniGpuParams {
  const p = spec.params ?? {};
  const segment = typeof p.segment === 'number' ? p.segment : 64;
  const beta = typeof p.beta === 'number' ? p.beta : 0;
  const gate = beta >= 0 ? 1 / (1 + Math.exp(-beta)) : Math.exp(beta) / (1 + Math.exp(beta));
  const scale = typeof p.scale === 'number' ? p.scale : 1 / Math.sqrt(spec.dk);
  return { segment, gate, scale };
}

/** The 32-byte IParams uniform of shaders/infini/common.wgsl. */
function uniform(
  ctx: GpuContext,
  buffers: PlanBuffers,
  values: { n: number; heads: number; segment: number; numSegments: number; scale: number; gate: number },
): GPUBuffer {
  const data = new ArrayBuffer(32);
  const u32 = new Uint32Array(data);
  const f = new Float32Array(data);
  u32[0] = values.n;
  u32[1] = values.heads;
  u32[2] = values.segment;
  u32[3] = values.numSegments;
  f[4] = values.scale;
  f[5] = values.gate;
  const buffer = buffers.adopt(ctx.pool.acquire(32, UNIFORM_USAGE, 'infini params'));
  ctx.device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

/** A storage buffer of `floats` f32 (at least one); the size rule has checked it before the plan was built. */
function storage(buffers: PlanBuffers, floats: number, label: string): GPUBuffer {
  return buffers.storage(Math.max(1, floats) * F32, label);
}

/** The implied map of every head in `matrix` (heads×n×n). */
function matrixDispatch(
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  matrix: GPUBuffer,
  buffers: PlanBuffers,
): Dispatch {
  const p = infiniGpuParams(spec);
  const params = uniform(ctx, buffers, {
    n: spec.n,
    heads: spec.heads,
    segment: p.segment,
    numSegments: Math.ceil(spec.n / p.segment),
    scale: p.scale,
    gate: p.gate,
  });
  return dispatch(
    ctx,
    'infini map',
    pipeline(ctx, 'matrix', spec),
    [params, io.q, io.k, matrix],
    spec.heads * spec.n,
  );
}

export function infiniGpuPlan(ctx: GpuContext, spec: GpuSpec, io: PlanIo, buffers: PlanBuffers): FormPlan {
  const { n, heads } = spec;
  const p = infiniGpuParams(spec);
  const record = infiniRecordFloats(spec);
  const state = { floats: spec.dk * spec.dv, strideFloats: record };
  switch (spec.form) {
    case 'parallel': {
      const matrix = storage(buffers, heads * n * n, 'the n×n matrix');
      const finalMemory = storage(buffers, heads * record, 'the memory');
      // The shared weights × V kernel (causal rows, no window).
      const vParams = buffers.adopt(paramsUniform(ctx, { ...spec, causal: true, window: 0 }));
      const pv = ctx.pipelines.get(ctx.simpleKernels ? 'weightsTimesVSimple' : 'weightsTimesV', {
        DK: spec.dk,
        DV: spec.dv,
        FEATURE_MAP: 0,
      });
      const allTokens = uniform(ctx, buffers, {
        n,
        heads,
        segment: n,
        numSegments: 1,
        scale: p.scale,
        gate: p.gate,
      });
      const dispatches: Dispatch[] = [
        matrixDispatch(ctx, spec, io, matrix, buffers),
        {
          label: 'weights × V',
          pipeline: pv,
          bindGroup: bindGroup(ctx, pv, [vParams, matrix, io.v, io.o]),
          workgroups: ctx.simpleKernels
            ? grid2d(Math.ceil((heads * n * spec.dv) / WG), ctx.limits)
            : [Math.ceil(spec.dv / 16), Math.ceil(n / 16), heads],
        },
        dispatch(
          ctx,
          'memory over all tokens',
          pipeline(ctx, 'segmentState', spec),
          [allTokens, io.k, io.v, finalMemory],
          heads * record,
        ),
      ];
      return { dispatches, matrix, state: { buffer: finalMemory, ...state } };
    }
    case 'chunk': {
      const numSegments = Math.ceil(n / p.segment);
      const records = storage(buffers, heads * numSegments * record, 'the per-segment memories');
      const finalMemory = storage(buffers, heads * record, 'the memory');
      const params = uniform(ctx, buffers, {
        n,
        heads,
        segment: p.segment,
        numSegments,
        scale: p.scale,
        gate: p.gate,
      });
      return {
        dispatches: [
          dispatch(
            ctx,
            'segment memories',
            pipeline(ctx, 'segmentState', spec),
            [params, io.k, io.v, records],
            heads * numSegments * record,
          ),
          dispatch(
            ctx,
            'scan over segments',
            pipeline(ctx, 'memoryScan', spec),
            [params, records, finalMemory],
            heads * record,
          ),
          dispatch(
            ctx,
            'segment outputs',
            pipeline(ctx, 'chunkOutput', spec),
            [params, io.q, io.k, io.v, records, io.o],
            heads * n,
          ),
        ],
        state: { buffer: finalMemory, ...state },
      };
    }
    default:
      throw new EngineError(`infini has no ${spec.form} form on WebGPU`);
  }
}

/** weights() of head 0 (spec.heads = 1): the implied map, as the parallel form builds it. */
export function infiniGpuWeights(
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  matrix: GPUBuffer,
  buffers: PlanBuffers,
): Dispatch[] {
  return [matrixDispatch(ctx, spec, io, matrix, buffers)];
}

export const gpu: GpuForms = { plan: infiniGpuPlan, weights: infiniGpuWeights };
