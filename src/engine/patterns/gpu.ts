// The patterns on WebGPU (shaders/patterns/masked_attention.wgsl): masked
// scores, softmax and output in f32 for H heads in one dispatch. The structured
// masks are computed in the kernel from the parameters; LSH's buckets and
// chunks are hashed and sorted on the host in float64 (lsh.ts, so both backends
// use the same buckets whatever f32 rounding would do to a near tie) and uploaded.
import maskedAttention from '../../shaders/patterns/masked_attention.wgsl?raw';
import { EngineError } from '../types';
import { formatBytes } from '../validate';
import { perBufferBytes } from '../gpu/memory';
import { captureGpuErrors } from '../gpu/memory';
import { autoPipeline, u32Constants } from '../gpu/pipelines';
import { buildMask } from './mask';
import { lshAssign } from './lsh';
import { checkPatternProblem, patternDensity, type PatternProblem, type PatternResult } from './cpu';
import type { PatternId, PatternParams } from './types';

const F32 = 4;
const STORAGE = 0x0080 | 0x0008 | 0x0004;
const UNIFORM = 0x0040 | 0x0008;
const MAP_READ = 0x0001 | 0x0008;
const PATTERN_CODE: Record<PatternId, number> = { window: 0, block: 1, strided: 2, longformer: 3, lsh: 4 };
/** Largest dv of the kernel's per-row accumulator. */
export const PATTERN_MAX_DV = 256;

function pipeline(device: GPUDevice, constants: Record<string, number>): GPUComputePipeline {
  const code = `// patterns masked attention\n${u32Constants(constants)}\n${maskedAttention}`;
  return autoPipeline(device, 'pattern masked attention', code);
}

/**
 * Runs a pattern on the GPU. Returns the f32 output of every head and head 0's
 * weights; the mask, pair count and density come from the host definition (the
 * tests check that the kernel's non-zero weights are exactly that mask).
 */
export async function runPatternGpu(
  device: GPUDevice,
  pattern: PatternId,
  params: PatternParams,
  problem: PatternProblem,
): Promise<PatternResult> {
  const p = checkPatternProblem(pattern, params, problem);
  const { n, dk, dv } = problem;
  const heads = problem.heads ?? 1;
  if (dk > PATTERN_MAX_DV || dv > PATTERN_MAX_DV) {
    throw new EngineError(`the pattern kernel supports dk, dv ≤ ${PATTERN_MAX_DV} (got dk=${dk}, dv=${dv})`);
  }
  // Sizes before any allocation: the n×n weights of head 0 dominate.
  const limit = perBufferBytes(device.limits);
  const sizes = [
    { label: 'q', bytes: heads * n * dk * F32 },
    { label: 'v', bytes: heads * n * dv * F32 },
    { label: 'the n×n weights', bytes: n * n * F32 },
  ];
  for (const s of sizes) {
    if (s.bytes > limit) {
      throw new EngineError(
        `the ${pattern} pattern at n=${n} needs ${formatBytes(s.bytes)} for ${s.label}; this device allows ${formatBytes(limit)} per buffer`,
      );
    }
  }
  const rows = heads * n;
  const groups = Math.ceil(rows / 64);
  const maxDim = device.limits.maxComputeWorkgroupsPerDimension;
  const gx = Math.min(groups, maxDim);
  const gy = Math.ceil(groups / gx);
  if (gy > maxDim)
    throw new EngineError(`the ${pattern} pattern needs more workgroups than this device dispatches`);

  // Host side of LSH (float64), and the mask every result reports.
  const bucket = new Uint32Array(pattern === 'lsh' ? rows : 4);
  const chunk = new Uint32Array(pattern === 'lsh' ? rows : 4);
  let mask0: Uint8Array = new Uint8Array(0);
  for (let h = 0; h < heads; h++) {
    const q = Float64Array.from({ length: n * dk }, (_, i) => Number(problem.q[h * n * dk + i]));
    if (pattern === 'lsh') {
      const a = lshAssign(q, n, dk, p.buckets, p.block, p.seed);
      bucket.set(a.bucket, h * n);
      chunk.set(a.chunk, h * n);
    }
    if (h === 0) mask0 = buildMask(pattern, p, n, q, dk);
  }

  const owned: GPUBuffer[] = [];
  const make = (bytes: number, usage: number, label: string) => {
    const b = device.createBuffer({ size: Math.max(16, Math.ceil(bytes / 4) * 4), usage, label });
    owned.push(b);
    return b;
  };
  const floats = (data: ArrayLike<number>, label: string) => {
    const f = Float32Array.from(data);
    const b = make(f.byteLength, STORAGE, label);
    device.queue.writeBuffer(b, 0, f.buffer, f.byteOffset, f.byteLength);
    return b;
  };
  const weightsBytes = heads * n * n * F32 > limit ? 0 : heads * n * n * F32;
  let oRead: GPUBuffer | undefined;
  let wRead: GPUBuffer | undefined;
  const attempt = captureGpuErrors(device, () => {
    const uniform = make(32, UNIFORM, 'pattern params');
    const u = new ArrayBuffer(32);
    const u32 = new Uint32Array(u);
    const f32 = new Float32Array(u);
    u32[0] = n;
    u32[1] = heads;
    u32[2] = p.causal ? 1 : 0;
    u32[3] = p.window;
    u32[4] = p.block;
    u32[5] = p.globals;
    f32[6] = p.scale;
    device.queue.writeBuffer(uniform, 0, u);
    const qBuf = floats(problem.q, 'q');
    const kBuf = pattern === 'lsh' ? make(16, STORAGE, 'k (unused by lsh)') : floats(problem.k, 'k');
    const vBuf = floats(problem.v, 'v');
    const bBuf = make(bucket.byteLength, STORAGE, 'lsh buckets');
    device.queue.writeBuffer(bBuf, 0, bucket);
    const cBuf = make(chunk.byteLength, STORAGE, 'lsh chunks');
    device.queue.writeBuffer(cBuf, 0, chunk);
    const oBuf = make(rows * dv * F32, STORAGE, 'o');
    // Every head's weights (head 0's are read back); none when heads×n×n exceeds one buffer.
    const wBuf = make(Math.max(weightsBytes, 16), STORAGE, 'weights');
    const pipe = pipeline(device, {
      DK: dk,
      DV: dv,
      PATTERN: PATTERN_CODE[pattern],
      WRITE_WEIGHTS: weightsBytes > 0 ? 1 : 0,
    });
    const bind = device.createBindGroup({
      layout: pipe.getBindGroupLayout(0),
      entries: [uniform, qBuf, kBuf, vBuf, bBuf, cBuf, oBuf, wBuf].map((buffer, binding) => ({
        binding,
        resource: { buffer },
      })),
    });
    oRead = make(rows * dv * F32, MAP_READ, 'o read-back');
    wRead = weightsBytes > 0 ? make(n * n * F32, MAP_READ, 'weights read-back') : undefined;
    const encoder = device.createCommandEncoder({ label: `pattern ${pattern}` });
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipe);
    pass.setBindGroup(0, bind);
    pass.dispatchWorkgroups(gx, gy, 1);
    pass.end();
    encoder.copyBufferToBuffer(oBuf, 0, oRead, 0, rows * dv * F32);
    if (wRead) encoder.copyBufferToBuffer(wBuf, 0, wRead, 0, n * n * F32);
    device.queue.submit([encoder.finish()]);
  });
  try {
    const error = await attempt.errors;
    if ('thrown' in attempt) throw attempt.thrown;
    if (error)
      throw new EngineError(
        `WebGPU could not run the ${pattern} pattern at n=${n}: ${error.message.split('\n')[0]}`,
      );
    const read = async (buffer: GPUBuffer, bytes: number) => {
      await buffer.mapAsync(0x0001, 0, bytes);
      const out = new Float32Array(buffer.getMappedRange(0, bytes).slice(0));
      buffer.unmap();
      return out;
    };
    const o = await read(oRead as GPUBuffer, rows * dv * F32);
    const weights = wRead ? await read(wRead, n * n * F32) : new Float32Array(0);
    let pairs = 0;
    for (const x of mask0) pairs += x;
    return {
      pattern,
      n,
      dv,
      o,
      weights,
      mask: mask0,
      pairs,
      density: patternDensity(pairs, n, p.causal),
      backend: 'webgpu',
    };
  } finally {
    for (const b of owned) b.destroy();
  }
}
