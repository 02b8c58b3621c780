// The pieces whose modules import WGSL (the WebGPU engine, the timing sweeps,
// the fit's GPU driver), loaded on demand through index.ts's loadWebGpu():
// Node loaders that run TypeScript without Vite (the Playwright specs) cannot
// load .wgsl files, and the page's entry chunk should not carry kernels.
export { createGpuEngine } from './gpu/engine';
export type { GpuEngine, GpuEngineOptions } from './gpu/engine';
export { runCpuSweep, runGpuSweep } from './bench/sweep';
export { createGpuFitDriver } from './linearise/driver';
