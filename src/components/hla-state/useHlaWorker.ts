// The page side of lesson 11's analysis Worker: one promise per call, progress
// callbacks, and an AbortSignal that cancels the call in the Worker too. The
// Worker lives as long as the lab.
import { useEffect, useRef } from 'react';
import type { ProblemInputs } from '../lab/useProblem';
import type { HlaAnalysis, HlaAnalysisSettings } from './analysis';
import type { HlaWorkerCall, HlaWorkerReply } from './protocol';
import { workerCalls } from '../hooks/workerCalls';

export interface HlaWorkerClient {
  analyze(
    inputs: ProblemInputs,
    settings: HlaAnalysisSettings,
    options?: { readonly signal?: AbortSignal; readonly onProgress?: (fraction: number) => void },
  ): Promise<HlaAnalysis>;
}

function createClient(worker: Worker): HlaWorkerClient {
  const call = workerCalls<HlaWorkerCall, HlaWorkerReply>(worker);
  let nextId = 1;
  return {
    analyze: async (inputs, settings, options = {}) => {
      const reply = await call({ kind: 'analyze', id: nextId++, inputs, settings }, options);
      return reply.analysis;
    },
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
