// GPU plans: the buffers and the ordered dispatches of one run, built once and
// encodable many times (the engine encodes a plan once per run; the benchmark
// encodes the same plan for every timed repetition, with no upload or read-back).
import { EngineError, type ExtraInputs, type Form, type VariantId } from '../types';
import type { NormalizedProblem } from '../validate';
import type { BufferPool } from './buffers';
import type { MemoryBudget } from './memory';
import type { DeviceLimits } from './device';
import type { PipelineCache } from './pipelines';
import type { ResolvedParams } from '../variants/common/descriptor';
import type { VariantFamily } from '../variants/definition';
import { getDefinition } from '../variants/registry';

export interface GpuContext {
  readonly device: GPUDevice;
  readonly limits: DeviceLimits;
  readonly pipelines: PipelineCache;
  readonly pool: BufferPool;
  /** How much one request may allocate (memory.ts); lowered after an allocation fails. */
  readonly memory: MemoryBudget;
  /**
   * Smallest subgroup size the device may use (0 without the subgroups feature):
   * kernels use subgroup shuffles only where a 16-thread row group fits one subgroup.
   */
  readonly subgroupMinSize: number;
  /**
   * Use the barrier-free one-invocation-per-output kernels (shaders/util/*_simple.wgsl)
   * where they exist: true on CPU adapters, where workgroup barriers cost far
   * more than re-reading storage (gpu/adapterKind.ts).
   */
  readonly simpleKernels: boolean;
}

export const FEATURE_MAP_IDS = { elu1: 0, relu: 1, identity: 2 } as const;

/** What a variant's GPU builder adds to the plan's inputs and output. */
export interface FormPlan {
  readonly dispatches: readonly Dispatch[];
  readonly state?: GpuPlan['state'];
  readonly matrix?: GPUBuffer;
}

export type GpuPlanBuilder = (ctx: GpuContext, spec: GpuSpec, io: PlanIo, buffers: PlanBuffers) => FormPlan;

/**
 * weights() of a variant whose matrix is not the plain scores → normalise rows
 * of kernels.ts (the feature-map variants compute φ first and finish the rows
 * their own way). Fills `matrix` with head 0's weights from head 0's q, k in io
 * (spec.heads = 1).
 */
export type GpuWeightsBuilder = (
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  matrix: GPUBuffer,
  buffers: PlanBuffers,
) => Dispatch[];

/** The WebGPU forms of one variant: what its gpu.ts exports as `gpu`. */
export interface GpuForms {
  readonly plan: GpuPlanBuilder;
  /** Absent: the scores → normalise-rows kernels of kernels.ts. */
  readonly weights?: GpuWeightsBuilder;
}

/** Everything a kernel needs to know about one problem, as plain numbers. */
export interface GpuSpec {
  readonly variant: VariantId;
  /** The variant's family (variants/definition.ts): the shared kernels branch on it, never on an id. */
  readonly family: VariantFamily;
  readonly form: Form;
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  readonly heads: number;
  readonly causal: boolean;
  /** Score scale (softmax, swa); 1 for linear, which has none. */
  readonly scale: number;
  /** Sliding window w, or 0 for none. */
  readonly window: number;
  readonly featureMap: number;
  readonly normalize: boolean;
  readonly eps: number;
  readonly chunkSize: number;
  /** Every validated parameter and extra input, for builders that need more than the numbers above. */
  readonly params?: ResolvedParams;
  readonly inputs?: ExtraInputs;
}

export interface Dispatch {
  readonly label: string;
  readonly pipeline: GPUComputePipeline;
  readonly bindGroup: GPUBindGroup;
  readonly workgroups: readonly [number, number, number];
}

/** The storage buffers of a plan that callers fill or read. */
export interface PlanIo {
  readonly q: GPUBuffer;
  readonly k: GPUBuffer;
  readonly v: GPUBuffer;
  readonly o: GPUBuffer;
}

export interface GpuPlan {
  readonly spec: GpuSpec;
  readonly io: PlanIo;
  /** Final state, `floats` per head every `strideFloats` (linear recurrent and chunk). */
  readonly state?: { readonly buffer: GPUBuffer; readonly floats: number; readonly strideFloats: number };
  /** The n×n matrix of the parallel form (head-major), when the form materialises it. */
  readonly matrix?: GPUBuffer;
  readonly dispatches: readonly Dispatch[];
  /** Bytes of device memory this plan holds (inputs, output, work buffers). */
  readonly bytes: number;
  /** Returns the buffers to the pool, except those listed in `keep`. */
  release(keep?: readonly GPUBuffer[]): void;
  /** Destroys the buffers instead (after WebGPU refused one, none goes back to the pool). */
  destroy(): void;
}

// GPUBufferUsage bits as numbers (fixed by the WebGPU spec), so this module does not
// depend on the GPUBufferUsage global existing at import time (Node installs it late).
/** Storage buffers are also copy source and destination: uploads and read-backs. */
export const STORAGE_USAGE = 0x0080 /* STORAGE */ | 0x0008 /* COPY_DST */ | 0x0004; /* COPY_SRC */
const UNIFORM_USAGE = 0x0040 /* UNIFORM */ | 0x0008; /* COPY_DST */

export const MAX_HEAD_DIM = 256;

/** Reads the validated request into a GpuSpec (validation guarantees the types). */
export function specFromProblem(problem: NormalizedProblem, form: Form): GpuSpec {
  const variant = problem.variant;
  const family = getDefinition(variant).family;
  // Kernel linear attention applies its feature map in the kernels and has no score scale.
  const kernelLinear = family === 'kernel-linear';
  const p = problem.params;
  const num = (name: string, fallback: number): number =>
    typeof p[name] === 'number' ? (p[name] as number) : fallback;
  const bool = (name: string, fallback: boolean): boolean =>
    typeof p[name] === 'boolean' ? (p[name] as boolean) : fallback;
  const map = typeof p.featureMap === 'string' ? p.featureMap : 'elu1';
  const featureMap = FEATURE_MAP_IDS[map as keyof typeof FEATURE_MAP_IDS];
  if (featureMap === undefined) throw new EngineError(`unknown feature map "${map}"`);
  if (problem.dk > MAX_HEAD_DIM || problem.dv > MAX_HEAD_DIM) {
    throw new EngineError(
      `the WebGPU kernels support dk, dv ≤ ${MAX_HEAD_DIM} (got dk=${problem.dk}, dv=${problem.dv})`,
    );
  }
  return {
    variant,
    family,
    form,
    n: problem.n,
    dk: problem.dk,
    dv: problem.dv,
    heads: problem.heads,
    causal: bool('causal', true),
    scale: kernelLinear ? 1 : num('scale', 1 / Math.sqrt(problem.dk)),
    // Only a windowed variant has the parameter (validation filled its default).
    window: num('window', 0),
    featureMap: kernelLinear ? featureMap : FEATURE_MAP_IDS.identity,
    normalize: bool('normalize', true),
    eps: num('eps', 1e-6),
    chunkSize: num('chunkSize', 64),
    params: p,
    inputs: problem.inputs,
  };
}

/** The 32-byte Params uniform of shaders/util/common.wgsl. */
export function paramsUniform(ctx: GpuContext, spec: GpuSpec, numChunks = 0, heads = spec.heads): GPUBuffer {
  const data = new ArrayBuffer(32);
  const u32 = new Uint32Array(data);
  const f32 = new Float32Array(data);
  u32[0] = spec.n;
  u32[1] = heads;
  u32[2] = spec.causal ? 1 : 0;
  u32[3] = spec.window;
  f32[4] = spec.scale;
  f32[5] = spec.eps;
  u32[6] = spec.normalize ? 1 : 0;
  u32[7] = numChunks;
  const buffer = ctx.pool.acquire(32, UNIFORM_USAGE, 'params');
  ctx.device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

export function bindGroup(
  ctx: GpuContext,
  pipeline: GPUComputePipeline,
  buffers: readonly GPUBuffer[],
): GPUBindGroup {
  return ctx.device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
}

/**
 * Spreads `total` workgroups over x and y (one dimension holds at most
 * maxComputeWorkgroupsPerDimension); kernels recover id = x + y·num_workgroups.x.
 */
export function grid2d(total: number, limits: DeviceLimits): [number, number, number] {
  const x = Math.max(1, Math.min(total, limits.maxComputeWorkgroupsPerDimension));
  const y = Math.ceil(total / x);
  if (y > limits.maxComputeWorkgroupsPerDimension) {
    throw new EngineError(`the problem needs ${total} workgroups, more than this device dispatches at once`);
  }
  return [x, y, 1];
}

export function checkGrid(dims: readonly number[], limits: DeviceLimits, what: string): void {
  for (const d of dims) {
    if (d > limits.maxComputeWorkgroupsPerDimension) {
      throw new EngineError(
        `${what} needs ${d} workgroups in one dimension; this device allows ${limits.maxComputeWorkgroupsPerDimension}`,
      );
    }
  }
}

/** Encodes the plan's dispatches into one compute pass (WebGPU orders them and makes writes visible). */
export function encodePlan(pass: GPUComputePassEncoder, plan: GpuPlan): void {
  for (const d of plan.dispatches) {
    pass.setPipeline(d.pipeline);
    pass.setBindGroup(0, d.bindGroup);
    pass.dispatchWorkgroups(d.workgroups[0], d.workgroups[1], d.workgroups[2]);
  }
}

/** Tracks the buffers a plan builder allocates so that release() returns all of them. */
export class PlanBuffers {
  private readonly owned: GPUBuffer[] = [];
  bytes = 0;
  constructor(private readonly ctx: GpuContext) {}

  storage(bytes: number, label: string): GPUBuffer {
    const buffer = this.ctx.pool.acquire(bytes, STORAGE_USAGE, label);
    this.owned.push(buffer);
    this.bytes += buffer.size;
    return buffer;
  }

  adopt(buffer: GPUBuffer): GPUBuffer {
    this.owned.push(buffer);
    return buffer;
  }

  release(keep: readonly GPUBuffer[] = []): void {
    for (const buffer of this.owned) if (!keep.includes(buffer)) this.ctx.pool.release(buffer);
    this.owned.length = 0;
  }

  /** Destroys every buffer (after an allocation failed: an invalid buffer must not go back to the pool). */
  destroy(): void {
    for (const buffer of this.owned) buffer.destroy();
    this.owned.length = 0;
  }
}
