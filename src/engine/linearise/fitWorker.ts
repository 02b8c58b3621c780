// Starts the float64 fit Worker (fit.worker.ts beside this file), so the app asks
// the engine for it instead of spelling the engine's file layout in a URL.
import type { FitPort } from './protocol';

export function createFitWorker(): FitPort {
  return new Worker(new URL('./fit.worker.ts', import.meta.url), {
    type: 'module',
    name: 'hedgehog-fit',
  }) as unknown as FitPort;
}
