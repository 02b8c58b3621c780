// The page side of the feature-map analysis Worker: one promise per call,
// progress callbacks, and an AbortSignal that cancels the call in the Worker.
// The Worker lives as long as the lab that uses it.
import { useEffect, useRef } from 'react';
import type { PerformerSweepPoint } from '../../engine';
import type { FeatureAnalysis, FocusPoint, MapSettings } from './featureAnalysis';
import type { FeatureWorkerCall, FeatureWorkerReply } from './featureAnalysisProtocol';
import type { ProblemInputs } from './useProblem';
import { workerCalls, type WorkerCallOptions } from '../hooks/workerCalls';

export type FeatureCallOptions = WorkerCallOptions;

export interface FeatureWorkerClient {
  analyze(
    inputs: ProblemInputs,
    settings: MapSettings,
    options?: FeatureCallOptions,
  ): Promise<FeatureAnalysis>;
  sweep(inputs: ProblemInputs, causal: boolean, options?: FeatureCallOptions): Promise<PerformerSweepPoint[]>;
  focusSweep(inputs: ProblemInputs, causal: boolean, options?: FeatureCallOptions): Promise<FocusPoint[]>;
}

function createClient(worker: Worker): FeatureWorkerClient {
  const call = workerCalls<FeatureWorkerCall, FeatureWorkerReply>(worker);
  let nextId = 1;
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
