// Page side of the fit: one interface over the two places a fit can run, the
// CPU Worker (float64) and WebGPU (f32, driver.ts). Each call answers with a
// snapshot; calls are serialised, and a newer start makes older replies
// irrelevant. This half imports no WGSL, so the engine's index can export it.
import type { FitCall, FitPort, FitReply, FitSnapshot } from './protocol';
import type { FitInputs, FitSettings } from './session';

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
