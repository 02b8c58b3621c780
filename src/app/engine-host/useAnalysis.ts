// A pipeline of the engine's analysis worker, keyed by its settings: the lab
// names the pipeline and passes its settings (null: run nothing); a change of
// settings asks for a new result with the latest-value-wins rule of the engine
// host (LatestRunner: at most one call in flight, a newer request replaces any
// waiting one, and the running one is cancelled in the worker, so a drag never
// waits for stale work). The newest result stays while a newer one computes.
// Each hook owns one worker, started on its first call and ended on unmount,
// so a lab's long sweep never holds its other analyses back.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  createAnalysisClient,
  type AnalysisClient,
  type PipelineName,
  type PipelineResult,
  type PipelineSettings,
} from '../../engine';
import { LatestRunner } from './latestRunner';

export interface AnalysisState<T> {
  /** The newest result that arrived (kept while a newer one computes). */
  readonly result: T | undefined;
  /** Settings without a result yet: computing or waiting. */
  readonly pending: boolean;
  /** Why the current settings failed. */
  readonly error: Error | undefined;
  /** Progress of the pending call, 0..1. */
  readonly progress: number;
}

/** The same state as the labs' subviews read it (`value`, as a LatestRun names it). */
export interface AnalysisRun<T> {
  readonly value: T | undefined;
  readonly error: Error | undefined;
  /** Settings without a result yet. */
  readonly pending: boolean;
  /** Progress of the pending call, 0..1. */
  readonly progress: number;
}

export function asRun<T>(state: AnalysisState<T>): AnalysisRun<T> {
  return { value: state.result, error: state.error, pending: state.pending, progress: state.progress };
}

interface Outcome<T> {
  readonly key?: string;
  readonly result?: T;
  readonly error?: Error;
}

export function useAnalysis<P extends PipelineName>(
  pipeline: P,
  settings: PipelineSettings<P> | null,
): AnalysisState<PipelineResult<P>> {
  type Result = PipelineResult<P>;
  // Settings memoised by the caller are keyed once (gates and matrices are hashed).
  const key = useMemo(() => (settings === null ? null : settingsKey(settings)), [settings]);
  const [outcome, setOutcome] = useState<Outcome<Result>>({});
  const [progress, setProgress] = useState<{ key: string | null; fraction: number }>({
    key: null,
    fraction: 0,
  });
  const settingsRef = useRef(settings);
  const runnerRef = useRef<LatestRunner<Result> | null>(null);
  const clientRef = useRef<AnalysisClient | null>(null);
  const runningRef = useRef<{ key: string; controller: AbortController } | null>(null);

  useEffect(() => {
    settingsRef.current = settings;
  });

  useEffect(() => {
    const runner = new LatestRunner<Result>(
      ({ key: done, value, error }) => {
        // A superseded call: the newer one is already running or waiting.
        if (error?.name === 'AbortError') return;
        setOutcome((previous) => ({ key: done, result: error ? previous.result : value, error }));
      },
      (started) => setProgress({ key: started, fraction: 0 }),
    );
    runnerRef.current = runner;
    return () => {
      runner.dispose();
      clientRef.current?.dispose();
      clientRef.current = null;
      runnerRef.current = null;
    };
  }, [pipeline]);

  useEffect(() => {
    const runner = runnerRef.current;
    const requested = settingsRef.current;
    if (key === null || requested === null || runner === null) return;
    const running = runningRef.current;
    if (runner.busy && running !== null && running.key !== key) running.controller.abort();
    runner.request(key, (signal) => {
      const controller = new AbortController();
      signal.addEventListener('abort', () => controller.abort(), { once: true });
      runningRef.current = { key, controller };
      clientRef.current ??= createAnalysisClient(pipeline);
      return clientRef.current.run(pipeline, requested, {
        signal: controller.signal,
        onProgress: (fraction) => setProgress({ key, fraction }),
      });
    });
  }, [key, pipeline]);

  const current = key !== null && outcome.key === key;
  return {
    result: outcome.result,
    pending: key !== null && !current,
    error: current ? outcome.error : undefined,
    progress: progress.key === key ? progress.fraction : 0,
  };
}

/**
 * The key of a call's settings: their JSON, with each typed array (gates,
 * matrices) as its type, length and a hash of its bytes instead of its numbers.
 */
export function settingsKey(settings: unknown): string {
  return JSON.stringify(settings, (_name, value: unknown) =>
    ArrayBuffer.isView(value) ? typedArrayKey(value) : value,
  );
}

function typedArrayKey(view: ArrayBufferView): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  // Two 32-bit FNV-1a hashes with different offsets: a collision must hit both.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x01000193) ^ (b >>> 13);
  }
  return `${view.constructor.name}:${view.byteLength}:${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}
