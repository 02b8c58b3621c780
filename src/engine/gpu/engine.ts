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
import {
  checkFitsLimits,
  validateProblem,
  validateRequest,
  type BufferSizeModel,
  type NormalizedProblem,
} from '../validate';
import { BufferPool } from './buffers';
import { copyLimits, type DeviceLimits } from './device';
import { linearStateFloats, weightsDispatches } from './kernels';
import { PipelineCache } from './pipelines';
import {
  encodePlan,
  paramsUniform,
  PlanBuffers,
  specFromProblem,
  STORAGE_USAGE,
  type GpuContext,
  type GpuPlan,
  type GpuSpec,
} from './plan';
import { readMinMax } from './reduce';
import { gpuPlanBuilder, gpuWeightsBuilder } from './variants';

const F32 = 4;
const MAP_READ_USAGE = 0x0001 /* MAP_READ */ | 0x0008; /* COPY_DST */

export interface GpuEngineOptions {
  /** Idle bytes the buffer pool keeps for reuse (default 256 MiB). */
  readonly poolBytes?: number;
  /** Weight matrices kept alive for views; older ones are destroyed (default 3). */
  readonly keepMatrices?: number;
  /** Never use subgroup operations (to compare or work around a driver). */
  readonly withoutSubgroups?: boolean;
}

export interface GpuEngine extends AttentionEngine {
  readonly backend: 'webgpu';
  readonly context: GpuContext;
  /** Builds a plan without running it (benchmarks encode it repeatedly). Caller releases it. */
  plan(request: RunRequest): GpuPlan;
}

export function createGpuContext(device: GPUDevice, opts: GpuEngineOptions = {}): GpuContext {
  return {
    device,
    limits: copyLimits(device.limits),
    pipelines: new PipelineCache(device),
    pool: new BufferPool(device, opts.poolBytes),
    subgroupMinSize:
      device.features.has('subgroups') && !opts.withoutSubgroups
        ? (device.adapterInfo?.subgroupMinSize ?? 0)
        : 0,
  };
}

/** Every storage buffer a plan of this spec allocates, for the limit check. */
export function gpuBufferModel(spec: GpuSpec): BufferSizeModel {
  return (dims) => {
    const { n, dk, dv, heads } = dims;
    const list = [
      { label: 'q', bytes: heads * n * dk * F32 },
      { label: 'k', bytes: heads * n * dk * F32 },
      { label: 'v', bytes: heads * n * dv * F32 },
      { label: 'the output o', bytes: heads * n * dv * F32 },
    ];
    if (spec.form === 'parallel') list.push({ label: 'the n×n matrix', bytes: heads * n * n * F32 });
    if (spec.variant === 'linear' && spec.form === 'chunk') {
      const chunks = Math.ceil(n / spec.chunkSize);
      list.push({
        label: 'the per-chunk states',
        bytes: heads * chunks * linearStateFloats({ dk, dv }) * F32,
      });
    }
    return list;
  };
}

/** Builds the plan of a validated problem; throws EngineError (with maxN) before allocating if it does not fit. */
export function buildPlan(
  ctx: GpuContext,
  spec: GpuSpec,
  problem: NormalizedProblem & { form: GpuSpec['form'] },
): GpuPlan {
  checkFitsLimits(problem, ctx.limits, gpuBufferModel(spec));
  const buffers = new PlanBuffers(ctx);
  const io = {
    q: buffers.storage(spec.heads * spec.n * spec.dk * F32, 'q'),
    k: buffers.storage(spec.heads * spec.n * spec.dk * F32, 'k'),
    v: buffers.storage(spec.heads * spec.n * spec.dv * F32, 'v'),
    o: buffers.storage(spec.heads * spec.n * spec.dv * F32, 'o'),
  };
  try {
    const form = gpuPlanBuilder(spec.variant)(ctx, spec, io, buffers);
    return {
      spec,
      io,
      state: form.state,
      matrix: form.matrix,
      dispatches: form.dispatches,
      bytes: buffers.bytes,
      release: (keep) => buffers.release(keep),
    };
  } catch (error) {
    buffers.release();
    throw error;
  }
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

  const planFor = (request: RunRequest): GpuPlan => {
    const req = validateRequest(request);
    const spec = specFromProblem(req, req.form);
    return buildPlan(ctx, spec, req);
  };

  async function run(request: RunRequest): Promise<RunResult> {
    checkAlive();
    const req = validateRequest(request);
    const spec = specFromProblem(req, req.form);
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    const plan = buildPlan(ctx, spec, req);
    const staging: GPUBuffer[] = [];
    try {
      upload(device, plan.io.q, req.q);
      upload(device, plan.io.k, req.k);
      upload(device, plan.io.v, req.v);
      const outBytes = spec.heads * spec.n * spec.dv * F32;
      const oStaging = ctx.pool.acquire(outBytes, MAP_READ_USAGE, 'o read-back');
      staging.push(oStaging);
      const encoder = device.createCommandEncoder({ label: `${spec.variant} ${spec.form}` });
      const pass = encoder.beginComputePass();
      encodePlan(pass, plan);
      pass.end();
      encoder.copyBufferToBuffer(plan.io.o, 0, oStaging, 0, outBytes);
      let stateStaging: GPUBuffer | undefined;
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
      await device.queue.onSubmittedWorkDone();
      const ms = performance.now() - started;
      const validationError = await device.popErrorScope();
      const memoryError = await device.popErrorScope();
      const gpuError = validationError ?? memoryError;
      if (gpuError)
        throw new EngineError(`WebGPU rejected the ${spec.variant} ${spec.form} run: ${gpuError.message}`);
      const o = await readFloats(oStaging, outBytes);
      const state = stateStaging ? await readFloats(stateStaging, stateStaging.size) : undefined;
      return {
        variant: req.variant,
        form: req.form,
        backend: 'webgpu',
        n: spec.n,
        dv: spec.dv,
        o,
        state: state && plan.state ? state.subarray(0, spec.heads * plan.state.floats) : undefined,
        ms,
      };
    } finally {
      plan.release();
      for (const buffer of staging) ctx.pool.release(buffer);
    }
  }

  async function weights(request: Omit<RunRequest, 'form'>): Promise<MatrixHandle> {
    checkAlive();
    const problem = validateProblem(request.variant, request.problem);
    // Head 0 only: the matrix a view draws.
    const spec: GpuSpec = { ...specFromProblem(problem, 'parallel'), heads: 1 };
    const { n, dk } = spec;
    checkFitsLimits({ ...problem, heads: 1, form: 'parallel' }, ctx.limits, gpuBufferModel(spec));
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    const buffers = new PlanBuffers(ctx);
    const q = buffers.storage(n * dk * F32, 'q head 0');
    const k = buffers.storage(n * dk * F32, 'k head 0');
    upload(device, q, problem.q, n * dk);
    upload(device, k, problem.k, n * dk);
    // Owned by the handle rather than the pool: a view keeps drawing it.
    const matrix = device.createBuffer({
      size: Math.max(16, n * n * F32),
      usage: STORAGE_USAGE,
      label: 'weights',
    });
    try {
      const params = buffers.adopt(paramsUniform(ctx, spec));
      const encoder = device.createCommandEncoder({ label: 'weights' });
      const pass = encoder.beginComputePass();
      // Feature-map variants compute φ first and finish rows their own way.
      const custom = gpuWeightsBuilder(spec.variant);
      const dispatches = custom
        ? custom(ctx, spec, { q, k }, matrix, buffers)
        : weightsDispatches(ctx, spec, { q, k }, matrix, params);
      for (const d of dispatches) {
        pass.setPipeline(d.pipeline);
        pass.setBindGroup(0, d.bindGroup);
        pass.dispatchWorkgroups(...d.workgroups);
      }
      pass.end();
      device.queue.submit([encoder.finish()]);
      const range = await readMinMax(ctx, matrix, n * n);
      const validationError = await device.popErrorScope();
      const memoryError = await device.popErrorScope();
      const gpuError = validationError ?? memoryError;
      if (gpuError)
        throw new EngineError(`WebGPU rejected the weights of ${spec.variant}: ${gpuError.message}`);
      liveMatrices.push(matrix);
      while (liveMatrices.length > keepMatrices) liveMatrices.shift()?.destroy();
      return {
        rows: n,
        cols: n,
        minValue: range.min,
        maxValue: range.max,
        maxAbs: Math.max(Math.abs(range.min), Math.abs(range.max)),
        gpu: { device, buffer: matrix, offset: 0 },
        at: (i, j) => readElement(ctx, matrix, n, i, j),
      };
    } catch (error) {
      matrix.destroy();
      throw error;
    } finally {
      buffers.release();
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
