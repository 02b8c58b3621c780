// Long analysis keyed by the controls: a new key aborts the running call at
// once (the Worker stops at its next turn), so dragging a slider never waits
// for a stale spectrum. Progress of the current key is reported as 0..1.
import { useEffect, useRef, useState } from 'react';

export type AnalysisFn<T> = (signal: AbortSignal, onProgress: (fraction: number) => void) => Promise<T>;

export interface AnalysisRun<T> {
  /** The newest result (kept, with its key, while a newer key computes). */
  readonly value: T | undefined;
  readonly valueKey: string | undefined;
  readonly error: Error | undefined;
  /** A key without a result yet. */
  readonly pending: boolean;
  /** Progress of the pending key, 0..1. */
  readonly progress: number;
}

export function useAnalysisRun<T>(key: string | null, fn: AnalysisFn<T>): AnalysisRun<T> {
  const fnRef = useRef(fn);
  useEffect(() => {
    fnRef.current = fn;
  });
  const [done, setDone] = useState<{ key?: string; value?: T; valueKey?: string; error?: Error }>({});
  const [progress, setProgress] = useState<{ key: string | null; fraction: number }>({
    key: null,
    fraction: 0,
  });
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    fnRef
      .current(controller.signal, (fraction) => {
        if (!controller.signal.aborted) setProgress({ key, fraction });
      })
      .then(
        (value) => {
          if (!controller.signal.aborted) setDone({ key, value, valueKey: key });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setDone((previous) => ({
            key,
            value: previous.value,
            valueKey: previous.valueKey,
            error: error instanceof Error ? error : new Error(String(error)),
          }));
        },
      );
    return () => controller.abort();
  }, [key]);
  return {
    value: done.value,
    valueKey: done.valueKey,
    error: done.key === key ? done.error : undefined,
    pending: key !== null && done.key !== key,
    progress: progress.key === key ? progress.fraction : 0,
  };
}
