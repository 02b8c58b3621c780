// The f32 fit on a WebGPU device behind the FitDriver interface of
// workerDriver.ts (kept apart: this module imports the fit's WGSL).
import { createGpuFit, type GpuFit } from './gpu';
import { fitProblemFromInputs } from './session';
import type { FitDriver } from './workerDriver';

export { createWorkerFitDriver } from './workerDriver';
export type { FitBackend, FitDriver } from './workerDriver';

/** The f32 fit on a WebGPU device; batches are sized from the measured time per step. */
export function createGpuFitDriver(device: GPUDevice): FitDriver {
  let fit: GpuFit | null = null;
  let msPerStep = 5;
  let session = 0;
  return {
    backend: 'webgpu',
    async start(inputs, settings) {
      fit?.destroy();
      fit = null;
      session += 1;
      const mine = session;
      const created = await createGpuFit(device, fitProblemFromInputs(inputs), settings, inputs.seed);
      if (mine !== session) {
        created.destroy();
        throw new DOMException('superseded', 'AbortError');
      }
      fit = created;
      const snapshot = await created.advance(0);
      return { session: mine, ...snapshot };
    },
    async advance(maxSteps, budgetMs) {
      const current = fit;
      if (!current) throw new Error('no fit started');
      const mine = session;
      const count = Math.max(1, Math.min(maxSteps, Math.floor(budgetMs / msPerStep)));
      const started = performance.now();
      const snapshot = await current.advance(count);
      const elapsed = performance.now() - started;
      // Smooth the estimate; a read-back costs about one step, so count it once.
      msPerStep = 0.7 * msPerStep + 0.3 * Math.max(0.01, elapsed / (count + 1));
      if (mine !== session) throw new DOMException('superseded', 'AbortError');
      return { session: mine, ...snapshot };
    },
    dispose() {
      session += 1;
      fit?.destroy();
      fit = null;
    },
  };
}
