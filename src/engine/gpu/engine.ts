// The WebGPU backend of the AttentionEngine contract. Every run: validate (shared
// with the CPU backend), check every buffer against the device limits before
// allocating anything, build a plan (pooled buffers, cached pipelines), upload
// f32 inputs, one compute pass, read back o (and the state).
import {
  EngineError,
  type AttentionEngine,
  type MatrixHandle,
  type RunRequest,
  type RunResult,
} from '../types';
import { formatBytes, validateProblem, validateRequest, type NormalizedProblem } from '../validate';
import { checkFits, maxFittingN, sizedRequest, totalBytes, type SizedRequest } from '../sizeRule';
import { isCpuAdapter } from './adapterKind';
import { BufferPool } from './buffers';
import { copyLimits, type DeviceLimits } from './device';
import { captureGpuErrors, isOutOfMemory, isSizeError, MemoryBudget } from './memory';
import { linearStateFloats, weightsDispatches } from './kernels';
import { PipelineCache } from './pipelines';
import {
  encodePlan,
  paramsUniform,
  PlanBuffers,
  specFromProblem,
  STORAGE_USAGE,
  type GpuContext,
  type GpuForms,
  type GpuPlan,
  type GpuSpec,
} from './plan';
import { readMinMax } from './reduce';
import { loadGpuForms } from './variants';

const F32 = 4;
const MAP_READ_USAGE = 0x0001 /* MAP_READ */ | 0x0008; /* COPY_DST */

export interface GpuEngineOptions {
  /** Idle bytes the buffer pool keeps for reuse (default 256 MiB). */
  readonly poolBytes?: number;
  /** Weight matrices kept alive for views; older ones are destroyed (default 3). */
  readonly keepMatrices?: number;
  /** Never use subgroup operations (to compare or work around a driver). */
  readonly withoutSubgroups?: boolean;
  /**
   * Which kernels of the parallel form: 'simple' (barrier-free, one invocation per
   * output), 'tiled' (workgroup-memory tiles), or 'auto' (simple on CPU adapters).
   */
  readonly kernels?: 'auto' | 'simple' | 'tiled';
  /** Bytes one request may hold at once (default: memory.ts's rule from the device limits). */
  readonly memoryBudget?: number;
}

export interface GpuEngine extends AttentionEngine {
  readonly backend: 'webgpu';
  readonly context: GpuContext;
  /**
   * Builds a plan without running it (benchmarks encode it repeatedly). Caller
   * releases it. Async: the variant's kernels load on first use.
   */
  plan(request: RunRequest): Promise<GpuPlan>;
}

export function createGpuContext(device: GPUDevice, opts: GpuEngineOptions = {}): GpuContext {
  return {
    device,
    limits: copyLimits(device.limits),
    pipelines: new PipelineCache(device),
    pool: new BufferPool(device, opts.poolBytes),
    simpleKernels:
      opts.kernels === 'simple' || ((opts.kernels ?? 'auto') === 'auto' && isCpuAdapter(device.adapterInfo)),
    memory: new MemoryBudget(copyLimits(device.limits), opts.memoryBudget),
    subgroupMinSize:
      device.features.has('subgroups') && !opts.withoutSubgroups
        ? (device.adapterInfo?.subgroupMinSize ?? 0)
        : 0,
  };
}

/** What a request holds besides its plan's buffers, and whether it is weights(). */
interface Extra {
  /** Read-back buffers at spec.n (they scale with the output). */
  readonly extraBytes?: number;
  /** Memory that stays allocated meanwhile. */
  readonly heldBytes?: number;
  /** weights(): head 0's n×n matrix (the plan lists what that allocates). */
  readonly weights?: boolean;
}

/**
 * Builds the plan of a validated problem; throws EngineError (with maxN) before
 * allocating if its buffers, plus `extraBytes` (read-backs) and `heldBytes`
 * (memory that stays allocated meanwhile), break memory.ts's rule. Idle pool
 * buffers are freed first when they alone would break it.
 */
export function buildPlan(
  ctx: GpuContext,
  forms: GpuForms,
  spec: GpuSpec,
  problem: NormalizedProblem & { form: GpuSpec['form'] },
  extra: Extra = {},
): GpuPlan {
  checkMemory(ctx, spec, problem, extra);
  const buffers = new PlanBuffers(ctx);
  try {
    const io = {
      q: buffers.storage(spec.heads * spec.n * spec.dk * F32, 'q'),
      k: buffers.storage(spec.heads * spec.n * spec.dk * F32, 'k'),
      v: buffers.storage(spec.heads * spec.n * spec.dv * F32, 'v'),
      o: buffers.storage(spec.heads * spec.n * spec.dv * F32, 'o'),
    };
    const form = forms.plan(ctx, spec, io, buffers);
    return {
      spec,
      io,
      state: form.state,
      matrix: form.matrix,
      dispatches: form.dispatches,
      bytes: buffers.bytes,
      release: (keep) => buffers.release(keep),
      destroy: () => buffers.destroy(),
    };
  } catch (error) {
    buffers.release();
    throw error;
  }
}

/**
 * The request as the size rule sees it: its variant's WebGPU buffer plan at the
 * spec's heads, plus the read-back buffers.
 */
function sizedForGpu(
  spec: GpuSpec,
  problem: NormalizedProblem & { form: GpuSpec['form'] },
  { extraBytes = 0, weights }: Extra = {},
): SizedRequest {
  const sized = sizedRequest(problem, problem.form, 'webgpu', { heads: spec.heads, weights });
  if (extraBytes <= 0) return sized;
  return {
    ...sized,
    buffersAt: (n) => [
      ...sized.buffersAt(n),
      { label: 'read-back buffers', bytes: (extraBytes * n) / spec.n },
    ],
  };
}

function checkMemory(
  ctx: GpuContext,
  spec: GpuSpec,
  problem: NormalizedProblem & { form: GpuSpec['form'] },
  extra: Extra,
): void {
  const sized = sizedForGpu(spec, problem, extra);
  const heldBytes = extra.heldBytes ?? 0;
  const needed = totalBytes(sized.buffersAt(spec.n));
  if (needed + heldBytes + ctx.pool.idleBytes > ctx.memory.bytes) ctx.pool.trim();
  checkFits(sized, ctx.memory.limit(heldBytes + ctx.pool.idleBytes));
}

/**
 * The EngineError of an allocation or submission WebGPU refused: the budget
 * drops to half of what this request needed, and maxN is the largest n under it.
 */
function rejectionError(
  ctx: GpuContext,
  spec: GpuSpec,
  problem: NormalizedProblem & { form: GpuSpec['form'] },
  what: string,
  error: GPUError,
  extra: Extra = {},
): EngineError {
  if (!isSizeError(error)) {
    return new EngineError(
      `WebGPU rejected a kernel of ${what} (${firstLine(error.message)}): a fault in this app's ` +
        `kernels, not a size this device cannot hold`,
    );
  }
  const sized = sizedForGpu(spec, problem, extra);
  const needed = totalBytes(sized.buffersAt(spec.n));
  const oom = isOutOfMemory(error);
  ctx.memory.lowerAfterFailure(needed, `n=${spec.n} failed to allocate`);
  ctx.pool.trim();
  const maxN = maxFittingN(sized, ctx.memory.limit());
  const fits = maxN >= 1 ? `try n = ${maxN} or less` : 'no n fits with these dk, dv, heads';
  const cause = oom ? 'out of memory' : 'rejected';
  return new EngineError(
    `WebGPU could not run ${what} at n=${spec.n} (${formatBytes(needed)} of buffers; ${cause}: ` +
      `${firstLine(error.message)}); ${fits}`,
    { maxN },
  );
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export function createGpuEngine(device: GPUDevice, opts: GpuEngineOptions = {}): GpuEngine {
  const ctx = createGpuContext(device, opts);
  const keepMatrices = opts.keepMatrices ?? 3;
  const liveMatrices: GPUBuffer[] = [];
  let lost: string | undefined;
  void device.lost.then((info) => {
    lost = info.message || String(info.reason);
  });

  const checkAlive = () => {
    if (lost !== undefined)
      throw new EngineError(`the GPU device was lost (${lost}); reload or re-acquire it`);
  };

  const planFor = async (request: RunRequest): Promise<GpuPlan> => {
    const req = validateRequest(request);
    const spec = specFromProblem(req, req.form);
    const forms = await loadGpuForms(req.variant);
    return buildPlan(ctx, forms, spec, req);
  };

  async function run(request: RunRequest): Promise<RunResult> {
    checkAlive();
    const req = validateRequest(request);
    const spec = specFromProblem(req, req.form);
    const forms = await loadGpuForms(req.variant);
    checkAlive();
    const outBytes = spec.heads * spec.n * spec.dv * F32;
    const stateBytes =
      spec.family === 'kernel-linear' && spec.form !== 'parallel'
        ? spec.heads * linearStateFloats(spec) * F32
        : 0;
    const readBackBytes = outBytes + stateBytes;
    makeRoom(totalBytes(sizedForGpu(spec, req).buffersAt(spec.n)) + readBackBytes);
    let plan: GpuPlan | undefined;
    const staging: GPUBuffer[] = [];
    let stateStaging: GPUBuffer | undefined;
    // Allocation, upload, encoding and submission inside error scopes, popped
    // before anything awaits (no other caller's errors land in them).
    const attempt = captureGpuErrors(device, () => {
      plan = buildPlan(ctx, forms, spec, req, { extraBytes: readBackBytes, heldBytes: liveBytes() });
      upload(device, plan.io.q, req.q);
      upload(device, plan.io.k, req.k);
      upload(device, plan.io.v, req.v);
      const oStaging = ctx.pool.acquire(outBytes, MAP_READ_USAGE, 'o read-back');
      staging.push(oStaging);
      const encoder = device.createCommandEncoder({ label: `${spec.variant} ${spec.form}` });
      const pass = encoder.beginComputePass();
      encodePlan(pass, plan);
      pass.end();
      encoder.copyBufferToBuffer(plan.io.o, 0, oStaging, 0, outBytes);
      if (plan.state) {
        const { buffer, floats, strideFloats } = plan.state;
        stateStaging = ctx.pool.acquire(spec.heads * floats * F32, MAP_READ_USAGE, 'state read-back');
        staging.push(stateStaging);
        for (let h = 0; h < spec.heads; h++) {
          encoder.copyBufferToBuffer(
            buffer,
            h * strideFloats * F32,
            stateStaging,
            h * floats * F32,
            floats * F32,
          );
        }
      }
      const started = performance.now();
      device.queue.submit([encoder.finish()]);
      return started;
    });
    let failed = true;
    try {
      const gpuError = await attempt.errors;
      if ('thrown' in attempt) throw attempt.thrown;
      if (gpuError)
        throw rejectionError(ctx, spec, req, `${spec.variant} ${spec.form}`, gpuError, {
          extraBytes: readBackBytes,
        });
      await device.queue.onSubmittedWorkDone();
      const ms = performance.now() - attempt.value;
      const o = await readFloats(staging[0], outBytes);
      const state = stateStaging ? await readFloats(stateStaging, stateStaging.size) : undefined;
      failed = false;
      return {
        variant: req.variant,
        form: req.form,
        backend: 'webgpu',
        n: spec.n,
        dv: spec.dv,
        o,
        state: state && plan?.state ? state.subarray(0, spec.heads * plan.state.floats) : undefined,
        ms,
      };
    } finally {
      // After a failure nothing goes back to the pool: a buffer may be invalid.
      if (failed) {
        plan?.destroy();
        for (const buffer of staging) buffer.destroy();
      } else {
        plan?.release();
        for (const buffer of staging) ctx.pool.release(buffer);
      }
    }
  }

  /** Bytes of the weight matrices kept alive for views. */
  const liveBytes = () => liveMatrices.reduce((sum, m) => sum + m.size, 0);
  /**
   * Destroys older kept matrices while they alone push a request of `needed`
   * bytes over the budget (the newest stays: a view may still draw it).
   */
  const makeRoom = (needed: number) => {
    while (liveMatrices.length > 1 && needed + liveBytes() > ctx.memory.bytes)
      liveMatrices.shift()?.destroy();
  };

  async function weights(request: Omit<RunRequest, 'form'>): Promise<MatrixHandle> {
    checkAlive();
    const problem = validateProblem(request.variant, request.problem);
    // Head 0 only: the matrix a view draws.
    const spec: GpuSpec = { ...specFromProblem(problem, 'parallel'), heads: 1 };
    const forms = await loadGpuForms(problem.variant);
    checkAlive();
    const { n, dk } = spec;
    const sized = { ...problem, heads: 1, form: 'parallel' as const };
    // Older kept matrices make room before a request is refused for their sake
    // (the newest stays: a view may still draw it while this one computes).
    makeRoom(totalBytes(sizedForGpu(spec, sized, { weights: true }).buffersAt(spec.n)));
    const buffers = new PlanBuffers(ctx);
    let matrix: GPUBuffer | undefined;
    const attempt = captureGpuErrors(device, () => {
      checkMemory(ctx, spec, sized, { heldBytes: liveBytes(), weights: true });
      const q = buffers.storage(n * dk * F32, 'q head 0');
      const k = buffers.storage(n * dk * F32, 'k head 0');
      upload(device, q, problem.q, n * dk);
      upload(device, k, problem.k, n * dk);
      // Owned by the handle rather than the pool: a view keeps drawing it.
      matrix = device.createBuffer({
        size: Math.max(16, n * n * F32),
        usage: STORAGE_USAGE,
        label: 'weights',
      });
      const params = buffers.adopt(paramsUniform(ctx, spec));
      const encoder = device.createCommandEncoder({ label: 'weights' });
      const pass = encoder.beginComputePass();
      // Feature-map variants compute φ first and finish rows their own way.
      const dispatches = forms.weights
        ? forms.weights(ctx, spec, { q, k }, matrix, buffers)
        : weightsDispatches(ctx, spec, { q, k }, matrix, params);
      for (const d of dispatches) {
        pass.setPipeline(d.pipeline);
        pass.setBindGroup(0, d.bindGroup);
        pass.dispatchWorkgroups(...d.workgroups);
      }
      pass.end();
      device.queue.submit([encoder.finish()]);
    });
    let failed = true;
    try {
      const gpuError = await attempt.errors;
      if ('thrown' in attempt) throw attempt.thrown;
      if (gpuError)
        throw rejectionError(ctx, spec, sized, `the weights of ${spec.variant}`, gpuError, { weights: true });
      if (!matrix) throw new EngineError('internal: the weights matrix was not allocated');
      const range = await readMinMax(ctx, matrix, n * n);
      failed = false;
      const kept: GPUBuffer = matrix;
      liveMatrices.push(kept);
      while (liveMatrices.length > keepMatrices) liveMatrices.shift()?.destroy();
      return {
        rows: n,
        cols: n,
        minValue: range.min,
        maxValue: range.max,
        maxAbs: Math.max(Math.abs(range.min), Math.abs(range.max)),
        gpu: { device, buffer: kept, offset: 0 },
        at: (i, j) => readElement(ctx, kept, n, i, j),
      };
    } finally {
      if (failed) {
        matrix?.destroy();
        buffers.destroy();
      } else {
        buffers.release();
      }
    }
  }

  return { backend: 'webgpu', context: ctx, run, weights, plan: planFor };
}

/** Writes the first `count` values as f32 (the CPU-side inputs may be float64 or plain arrays). */
export function upload(
  device: GPUDevice,
  buffer: GPUBuffer,
  values: ArrayLike<number>,
  count = values.length,
): void {
  let data: Float32Array<ArrayBuffer>;
  if (values instanceof Float32Array && values.buffer instanceof ArrayBuffer) {
    data = values as Float32Array<ArrayBuffer>;
  } else {
    data = new Float32Array(count);
    for (let i = 0; i < count; i++) data[i] = values[i];
  }
  device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, count * F32);
}

async function readFloats(staging: GPUBuffer, bytes: number): Promise<Float32Array> {
  await staging.mapAsync(0x0001 /* GPUMapMode.READ */, 0, bytes);
  const copy = new Float32Array(staging.getMappedRange(0, bytes).slice(0));
  staging.unmap();
  return copy;
}

async function readElement(
  ctx: GpuContext,
  matrix: GPUBuffer,
  n: number,
  i: number,
  j: number,
): Promise<number> {
  if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= n || j >= n) {
    throw new EngineError(`(${i}, ${j}) is outside the ${n}×${n} matrix`);
  }
  const staging = ctx.pool.acquire(16, MAP_READ_USAGE, 'element read-back');
  try {
    const encoder = ctx.device.createCommandEncoder();
    encoder.copyBufferToBuffer(matrix, (i * n + j) * F32, staging, 0, F32);
    ctx.device.queue.submit([encoder.finish()]);
    const values = await readFloats(staging, F32);
    return values[0];
  } finally {
    ctx.pool.release(staging);
  }
}

export type { DeviceLimits };
