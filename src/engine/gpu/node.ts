// WebGPU in Node through the `webgpu` package (Dawn). Imported dynamically so the
// browser bundle never pulls the native addon in.
import { acquireDevice, type AcquireOptions, type AcquiredDevice } from './device';

/**
 * Dawn quantises timestamp queries by default (a browser anti-fingerprinting
 * measure); headless benchmarks want the raw nanosecond values.
 */
const DAWN_OPTIONS = ['disable-dawn-features=timestamp_quantization'];

let cachedGpu: GPU | undefined;

/** The Node equivalent of `navigator.gpu` (created once per process). */
export async function nodeGpu(): Promise<GPU> {
  if (cachedGpu) return cachedGpu;
  const webgpu = await import('webgpu');
  // GPUBufferUsage, GPUMapMode, ... are globals in a browser; the engine uses them as such.
  Object.assign(globalThis, webgpu.globals);
  cachedGpu = webgpu.create(DAWN_OPTIONS);
  return cachedGpu;
}

export async function acquireNodeDevice(opts: AcquireOptions = {}): Promise<AcquiredDevice> {
  const gpu = await nodeGpu();
  return acquireDevice(gpu, { timestampResolutionMs: 1e-6, ...opts });
}

/** True when Node can get any WebGPU adapter (tests skip cleanly otherwise). */
export async function hasNodeAdapter(): Promise<boolean> {
  try {
    const gpu = await nodeGpu();
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}
