// Page side of the fit: one interface over the two places a fit can run, the
// CPU Worker (float64) and WebGPU (f32). Each call answers with a snapshot;
// calls are serialised, and a newer start makes older replies irrelevant.
import { createGpuFit, type GpuFit } from './gpu';
import type { FitCall, FitPort, FitReply, FitSnapshot } from './protocol';
import { fitProblemFromInputs, type FitInputs, type FitSettings } from './session';

export type FitBackend = 'cpu' | 'webgpu';

export interface FitDriver {
  readonly backend: FitBackend;
  /** A new fit at step 0 (replaces the current one). */
  start(inputs: FitInputs, settings: FitSettings): Promise<FitSnapshot>;
  /** Up to maxSteps steps, stopping early once about budgetMs have passed (at least one step). */
  advance(maxSteps: number, budgetMs: number): Promise<FitSnapshot>;
  dispose(): void;
}

/** The float64 fit in a Worker (fit.worker.ts, or any port speaking its protocol). */
export function createWorkerFitDriver(port: FitPort): FitDriver {
  let session = 0;
  const waiting = new Map<number, { resolve: (s: FitSnapshot) => void; reject: (e: Error) => void }[]>();
  port.onmessage = (event) => {
    const reply: FitReply = event.data;
    const queue = waiting.get(reply.session);
    const entry = queue?.shift();
    if (!entry) return;
    if (reply.kind === 'error') entry.reject(new Error(reply.message));
    else entry.resolve(reply);
  };
  const call = (message: FitCall) =>
    new Promise<FitSnapshot>((resolve, reject) => {
      const queue = waiting.get(message.session) ?? [];
      queue.push({ resolve, reject });
      waiting.set(message.session, queue);
      port.postMessage(message);
    });
  return {
    backend: 'cpu',
    start(inputs, settings) {
      // Replies of older sessions will never be waited for.
      for (const [id, queue] of waiting) {
        for (const entry of queue) entry.reject(new DOMException('superseded', 'AbortError'));
        waiting.delete(id);
      }
      session += 1;
      return call({ kind: 'start', session, inputs, settings });
    },
    advance(maxSteps, budgetMs) {
      return call({ kind: 'advance', session, maxSteps, budgetMs });
    },
    dispose() {
      port.onmessage = null;
      port.terminate?.();
    },
  };
}

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
