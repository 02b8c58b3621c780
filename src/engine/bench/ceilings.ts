// Device ceilings measured in the same run as the attention kernels: a tiled f32
// matmul (what plain WGSL arithmetic reaches here) and a vec4 copy (what memory
// bandwidth WGSL reaches). Every attention timing is read as a fraction of these.
import { createPassTimer, sampleStats, type PassTimer } from '../gpu/timing';
import { PipelineCache } from '../gpu/pipelines';
import type { TimingMethod } from './types';

export interface CeilingOptions {
  /** Side of the square matmul (rounded up to a multiple of 128). */
  readonly matmulN: number;
  /** Bytes copied (read once, written once). */
  readonly copyBytes: number;
  readonly warmup: number;
  readonly runs: number;
  readonly useTimestamps?: boolean;
  readonly signal?: AbortSignal;
  /** Keep warming up until this much time has passed (GPU clocks ramp up under load). */
  readonly minWarmupMs?: number;
}

export interface Ceilings {
  readonly matmulGflops: number;
  readonly copyGBps: number;
  readonly matmulN: number;
  readonly matmulMs: number;
  readonly copyBytes: number;
  readonly copyMs: number;
  readonly timing: TimingMethod;
}

const MATMUL_TILE = 128;

/** Fills with a cheap deterministic pattern in [-1, 1): never zeros, which can run faster than real data. */
export function fillPattern(length: number, seed: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(length);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x / 2147483648 - 1;
  }
  return out;
}

async function timeRuns(
  timer: PassTimer,
  encode: (pass: GPUComputePassEncoder) => void,
  opts: CeilingOptions,
) {
  const warmStart = performance.now();
  for (let i = 0; i < opts.warmup; i++) await timer.time(encode);
  while (performance.now() - warmStart < (opts.minWarmupMs ?? 0)) await timer.time(encode);
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    opts.signal?.throwIfAborted();
    samples.push(await timer.time(encode));
  }
  return sampleStats(samples).median;
}

export async function measureCeilings(device: GPUDevice, opts: CeilingOptions): Promise<Ceilings> {
  const timer = createPassTimer(device, opts.useTimestamps);
  const pipelines = new PipelineCache(device);
  const storage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST;
  const created: GPUBuffer[] = [];
  const buffer = (size: number, usage = storage) => {
    const b = device.createBuffer({ size, usage });
    created.push(b);
    return b;
  };
  try {
    // Matmul: C = A·B, N×N.
    const n = Math.max(MATMUL_TILE, Math.ceil(opts.matmulN / MATMUL_TILE) * MATMUL_TILE);
    const a = buffer(n * n * 4);
    const b = buffer(n * n * 4);
    const c = buffer(n * n * 4, GPUBufferUsage.STORAGE);
    device.queue.writeBuffer(a, 0, fillPattern(n * n, 1));
    device.queue.writeBuffer(b, 0, fillPattern(n * n, 2));
    const matmul = pipelines.get('matmul', { N: n });
    const matmulGroup = device.createBindGroup({
      layout: matmul.getBindGroupLayout(0),
      entries: [a, b, c].map((buf, binding) => ({ binding, resource: { buffer: buf } })),
    });
    const matmulMs = await timeRuns(
      timer,
      (pass) => {
        pass.setPipeline(matmul);
        pass.setBindGroup(0, matmulGroup);
        pass.dispatchWorkgroups(n / MATMUL_TILE, n / MATMUL_TILE);
      },
      opts,
    );
    for (const buf of created.splice(0)) buf.destroy();

    // Copy: src → dst, vec4 per thread.
    const bytes = Math.max(16, Math.floor(opts.copyBytes / 16) * 16);
    const src = buffer(bytes);
    const dst = buffer(bytes, GPUBufferUsage.STORAGE);
    const count = buffer(16, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
    const vec4s = bytes / 16;
    device.queue.writeBuffer(src, 0, fillPattern(bytes / 4, 3));
    device.queue.writeBuffer(count, 0, new Uint32Array([vec4s, 0, 0, 0]));
    const copy = pipelines.get('copy', {});
    const copyGroup = device.createBindGroup({
      layout: copy.getBindGroupLayout(0),
      entries: [src, dst, count].map((buf, binding) => ({ binding, resource: { buffer: buf } })),
    });
    // Four vec4s per thread (see copy.wgsl), as many workgroups as that needs up to the grid limit.
    const groups = Math.min(Math.ceil(vec4s / 1024), device.limits.maxComputeWorkgroupsPerDimension);
    const copyMs = await timeRuns(
      timer,
      (pass) => {
        pass.setPipeline(copy);
        pass.setBindGroup(0, copyGroup);
        pass.dispatchWorkgroups(groups);
      },
      opts,
    );
    return {
      matmulGflops: (2 * n * n * n) / (matmulMs * 1e6),
      copyGBps: (2 * bytes) / (copyMs * 1e6),
      matmulN: n,
      matmulMs,
      copyBytes: bytes,
      copyMs,
      timing: timer.method,
    };
  } finally {
    for (const buf of created) buf.destroy();
    timer.destroy();
  }
}

/**
 * Runs the ceiling matmul once at side n (a multiple of 128) and returns the largest
 * relative error against a float64 product, so a broken kernel cannot report an
 * inflated ceiling.
 */
export async function checkCeilingMatmul(device: GPUDevice, n = MATMUL_TILE): Promise<number> {
  const a = fillPattern(n * n, 11);
  const b = fillPattern(n * n, 12);
  const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
  const bufA = device.createBuffer({ size: n * n * 4, usage });
  const bufB = device.createBuffer({ size: n * n * 4, usage });
  const bufC = device.createBuffer({ size: n * n * 4, usage });
  const staging = device.createBuffer({
    size: n * n * 4,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  try {
    device.queue.writeBuffer(bufA, 0, a);
    device.queue.writeBuffer(bufB, 0, b);
    const pipeline = new PipelineCache(device).get('matmul', { N: n });
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(
      0,
      device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [bufA, bufB, bufC].map((buf, binding) => ({ binding, resource: { buffer: buf } })),
      }),
    );
    pass.dispatchWorkgroups(n / MATMUL_TILE, n / MATMUL_TILE);
    pass.end();
    encoder.copyBufferToBuffer(bufC, 0, staging, 0, n * n * 4);
    device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const c = new Float32Array(staging.getMappedRange().slice(0));
    staging.unmap();
    let worst = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        let scale = 0;
        for (let k = 0; k < n; k++) {
          sum += a[i * n + k] * b[k * n + j];
          scale += Math.abs(a[i * n + k] * b[k * n + j]);
        }
        worst = Math.max(worst, Math.abs(c[i * n + j] - sum) / Math.max(scale, 1e-30));
      }
    }
    return worst;
  } finally {
    for (const buf of [bufA, bufB, bufC, staging]) buf.destroy();
  }
}
