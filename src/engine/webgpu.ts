// The engine's second public face: the pieces whose modules import WGSL (the
// WebGPU engine, the timing sweeps, the fit drivers). They are kept out of
// index.ts because Node loaders that run TypeScript without Vite (the Playwright
// specs, and the lesson and gallery modules those specs read) cannot load .wgsl
// files, and index.ts must stay loadable there. Bundles are unaffected: both
// faces are plain re-exports that the build tree-shakes.
export { createGpuEngine } from './gpu/engine';
export type { GpuEngine, GpuEngineOptions } from './gpu/engine';
export { runCpuSweep, runGpuSweep } from './bench/sweep';
export { createGpuFitDriver, createWorkerFitDriver } from './linearise/driver';
