// The page side of lesson 11's analysis Worker: one promise per call, progress
// callbacks, and an AbortSignal that cancels the call in the Worker too. The
// Worker lives as long as the lab.
import { useEffect, useRef } from 'react';
import type { ProblemInputs } from '../lab/useProblem';
import type { HlaAnalysis, HlaAnalysisSettings } from './analysis';
import type { HlaWorkerCall, HlaWorkerReply } from './protocol';

export interface HlaWorkerClient {
  analyze(
    inputs: ProblemInputs,
    settings: HlaAnalysisSettings,
    options?: { readonly signal?: AbortSignal; readonly onProgress?: (fraction: number) => void },
  ): Promise<HlaAnalysis>;
}

function createClient(worker: Worker): HlaWorkerClient {
  const pending = new Map<
    number,
    { resolve: (a: HlaAnalysis) => void; reject: (e: Error) => void; onProgress?: (f: number) => void }
  >();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<HlaWorkerReply>) => {
    const reply = event.data;
    const entry = pending.get(reply.id);
    if (!entry) return;
    if (reply.kind === 'progress') {
      entry.onProgress?.(reply.fraction);
      return;
    }
    pending.delete(reply.id);
    if (reply.kind === 'error') {
      const error = new Error(reply.message);
      error.name = reply.name;
      entry.reject(error);
    } else {
      entry.resolve(reply.analysis);
    }
  };
  return {
    analyze: (inputs, settings, options = {}) =>
      new Promise<HlaAnalysis>((resolve, reject) => {
        const { signal } = options;
        if (signal?.aborted) {
          reject(new DOMException('analysis cancelled', 'AbortError'));
          return;
        }
        const id = nextId++;
        const onAbort = () => {
          if (!pending.delete(id)) return;
          worker.postMessage({ kind: 'cancel', id } satisfies HlaWorkerCall);
          reject(new DOMException('analysis cancelled', 'AbortError'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          resolve: (analysis) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(analysis);
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
          onProgress: options.onProgress,
        });
        worker.postMessage({ kind: 'analyze', id, inputs, settings } satisfies HlaWorkerCall);
      }),
  };
}

/** The lab's Worker, created on mount and ended on unmount. */
export function useHlaWorker(): { readonly current: HlaWorkerClient | null } {
  const client = useRef<HlaWorkerClient | null>(null);
  useEffect(() => {
    const worker = new Worker(new URL('./hla.worker.ts', import.meta.url), {
      type: 'module',
      name: 'hla-analysis',
    });
    client.current = createClient(worker);
    return () => {
      worker.terminate();
      client.current = null;
    };
  }, []);
  return client;
}
