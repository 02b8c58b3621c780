// The page side of the feature-map analysis Worker: one promise per call,
// progress callbacks, and an AbortSignal that cancels the call in the Worker.
// The Worker lives as long as the lab that uses it.
import { useEffect, useRef } from 'react';
import type { PerformerSweepPoint } from '../../engine/analysis';
import type { FeatureAnalysis, FocusPoint, MapSettings } from './featureAnalysis';
import type { FeatureWorkerCall, FeatureWorkerReply } from './featureAnalysisProtocol';
import type { ProblemInputs } from './useProblem';

export interface FeatureCallOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

export interface FeatureWorkerClient {
  analyze(
    inputs: ProblemInputs,
    settings: MapSettings,
    options?: FeatureCallOptions,
  ): Promise<FeatureAnalysis>;
  sweep(inputs: ProblemInputs, causal: boolean, options?: FeatureCallOptions): Promise<PerformerSweepPoint[]>;
  focusSweep(inputs: ProblemInputs, causal: boolean, options?: FeatureCallOptions): Promise<FocusPoint[]>;
}

interface Pending {
  readonly resolve: (reply: FeatureWorkerReply) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (fraction: number) => void;
}

function createClient(worker: Worker): FeatureWorkerClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<FeatureWorkerReply>) => {
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
      entry.resolve(reply);
    }
  };
  const call = (message: FeatureWorkerCall, options: FeatureCallOptions) =>
    new Promise<FeatureWorkerReply>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) {
        reject(new DOMException('analysis cancelled', 'AbortError'));
        return;
      }
      const onAbort = () => {
        if (!pending.delete(message.id)) return;
        worker.postMessage({ kind: 'cancel', id: message.id } satisfies FeatureWorkerCall);
        reject(new DOMException('analysis cancelled', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(message.id, {
        resolve: (reply) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(reply);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
        onProgress: options.onProgress,
      });
      worker.postMessage(message);
    });
  return {
    analyze: async (inputs, settings, options = {}) => {
      const reply = await call({ kind: 'analyze', id: nextId++, inputs, settings }, options);
      if (reply.kind !== 'analysis') throw new Error(`unexpected reply ${reply.kind}`);
      return reply.analysis;
    },
    sweep: async (inputs, causal, options = {}) => {
      const reply = await call({ kind: 'sweep', id: nextId++, inputs, causal }, options);
      if (reply.kind !== 'sweep') throw new Error(`unexpected reply ${reply.kind}`);
      return reply.points;
    },
    focusSweep: async (inputs, causal, options = {}) => {
      const reply = await call({ kind: 'focus-sweep', id: nextId++, inputs, causal }, options);
      if (reply.kind !== 'focus-sweep') throw new Error(`unexpected reply ${reply.kind}`);
      return reply.points;
    },
  };
}

/**
 * Two Workers (the map's analysis, and the Performer or Focused sweep, run side
 * by side, so a long sweep never holds the spectrum back), created on mount and ended on unmount.
 */
export function useFeatureWorkers(): {
  readonly analysis: { readonly current: FeatureWorkerClient | null };
  readonly sweep: { readonly current: FeatureWorkerClient | null };
} {
  const analysis = useRef<FeatureWorkerClient | null>(null);
  const sweep = useRef<FeatureWorkerClient | null>(null);
  useEffect(() => {
    const make = (name: string) =>
      new Worker(new URL('./featureAnalysis.worker.ts', import.meta.url), { type: 'module', name });
    const analysisWorker = make('feature-analysis');
    const sweepWorker = make('performer-sweep');
    analysis.current = createClient(analysisWorker);
    sweep.current = createClient(sweepWorker);
    return () => {
      analysisWorker.terminate();
      sweepWorker.terminate();
      analysis.current = null;
      sweep.current = null;
    };
  }, []);
  return { analysis, sweep };
}
