// Runs the recall sweep (src/engine/recall) through the app's engine: WebGPU
// when present, else the CPU engine in its worker. A new key aborts the sweep in
// flight; cancel() stops the current one and again() reruns it. Progress counts
// engine runs. The main thread only builds the small inputs and scores the
// outputs between runs (each run is awaited), so the page stays responsive.
import { useCallback, useEffect, useRef, useState } from 'react';
import { runRecallSweep, type RecallSettings, type RecallSweep, type AttentionEngine } from '../../engine';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface Outcome {
  /** `${key}#${nonce}` of the sweep this outcome ended. */
  readonly run: string | null;
  readonly status: 'done' | 'cancelled' | 'error';
}

export interface RecallSweepState {
  readonly status: SweepStatus;
  /** The key of `result` (the latest finished sweep; kept while a newer one runs). */
  readonly resultKey: string | null;
  readonly result: RecallSweep | null;
  readonly done: number;
  readonly total: number;
  readonly error: Error | null;
  /** Milliseconds the last finished sweep took. */
  readonly ms: number | null;
}

const INITIAL: RecallSweepState = {
  status: 'idle',
  resultKey: null,
  result: null,
  done: 0,
  total: 0,
  error: null,
  ms: null,
};

export function useRecallSweep(
  engine: AttentionEngine | null,
  key: string | null,
  settings: RecallSettings,
  pairs: number,
  d: number,
): RecallSweepState & { readonly cancel: () => void; readonly again: () => void } {
  const [state, setState] = useState<
    Omit<RecallSweepState, 'status'> & { readonly progressRun: string | null }
  >({
    ...INITIAL,
    progressRun: null,
  });
  const [outcome, setOutcome] = useState<Outcome>({ run: null, status: 'done' });
  const [nonce, setNonce] = useState(0);
  const run = key === null ? null : `${key}#${nonce}`;
  const controllerRef = useRef<AbortController | null>(null);
  const argsRef = useRef({ settings, pairs, d });
  useEffect(() => {
    argsRef.current = { settings, pairs, d };
  });

  useEffect(() => {
    if (!engine || key === null) return;
    const controller = new AbortController();
    controllerRef.current = controller;
    const { settings: s, pairs: p, d: dk } = argsRef.current;
    const started = performance.now();
    const id = `${key}#${nonce}`;
    runRecallSweep(s, p, dk, (request) => engine.run(request), {
      signal: controller.signal,
      onProgress: (done, total) => {
        if (!controller.signal.aborted)
          setState((previous) => ({ ...previous, done, total, progressRun: id }));
      },
    })
      .then((result) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({
          ...previous,
          result,
          resultKey: key,
          error: null,
          ms: performance.now() - started,
        }));
        setOutcome({ run: id, status: 'done' });
      })
      .catch((error: unknown) => {
        const aborted = controller.signal.aborted;
        if (aborted && controllerRef.current !== controller) return; // superseded by a newer key
        setState((previous) => ({
          ...previous,
          error: aborted ? null : error instanceof Error ? error : new Error(String(error)),
        }));
        setOutcome({ run: id, status: aborted ? 'cancelled' : 'error' });
      });
    return () => {
      if (controllerRef.current === controller) controllerRef.current = null;
      controller.abort();
    };
  }, [engine, key, nonce]);

  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  const again = useCallback(() => setNonce((value) => value + 1), []);
  const { progressRun, ...rest } = state;
  const status: SweepStatus = run === null ? 'idle' : outcome.run === run ? outcome.status : 'running';
  const fresh = progressRun === run;
  return {
    ...rest,
    status,
    done: fresh ? rest.done : 0,
    total: fresh ? rest.total : 0,
    error: status === 'error' ? rest.error : null,
    cancel,
    again,
  };
}
