// The WebGPU half of the engine (webgpu.ts: the GPU engine, the timing sweeps,
// the fit's GPU driver) loads on demand: its modules carry the shared kernels'
// WGSL, which neither the landing page nor Node loaders without Vite (the
// Playwright specs read index.ts) should have to load. The app loads it once,
// when it starts a WebGPU backend; after that, the synchronous helpers below
// can hand out GPU drivers.
import { EngineError } from './types';
import type { FitDriver } from './linearise/workerDriver';

type WebGpuModule = typeof import('./webgpu');

let loaded: WebGpuModule | undefined;

/** The WebGPU half of the engine, loaded once. */
export async function loadWebGpu(): Promise<WebGpuModule> {
  loaded ??= await import('./webgpu');
  return loaded;
}

/** The f32 fit on `device`; the WebGPU half must be loaded (a device exists only after it is). */
export function createGpuFitDriver(device: GPUDevice): FitDriver {
  if (!loaded) throw new EngineError('the WebGPU engine is not loaded (await loadWebGpu() first)');
  return loaded.createGpuFitDriver(device);
}
