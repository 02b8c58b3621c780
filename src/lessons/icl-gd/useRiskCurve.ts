// The Monte-Carlo risk curve of lesson 15, computed in chunks on the page
// (computeRiskCurve yields to the event loop between chunks), with progress,
// cancel, and the result kept per options key so a stale curve is never shown
// as current.
import { useCallback, useEffect, useRef, useState } from 'react';
import { computeRiskCurve, type RiskOptions, type RiskPoint } from '../../engine';

export interface RiskCurveState {
  /** The curve for the current options, or null while it is computed (or after a cancel). */
  readonly points: readonly RiskPoint[] | null;
  /** Fraction done of the current computation (0..1). */
  readonly progress: number;
  readonly cancelled: boolean;
  readonly cancel: () => void;
}

export function useRiskCurve(options: RiskOptions): RiskCurveState {
  const key = `${options.seed}|${options.d}|${options.noise}|${options.s}|${options.tasks}|${(options.ms ?? []).join(',')}`;
  const [result, setResult] = useState<{ key: string; points: RiskPoint[] } | null>(null);
  const [progress, setProgress] = useState<{ key: string; fraction: number }>({ key: '', fraction: 0 });
  const [cancelledKey, setCancelledKey] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    computeRiskCurve(options, {
      signal: abort.signal,
      chunk: 200,
      onProgress: (fraction) => setProgress({ key, fraction }),
    }).then(
      (points) => setResult({ key, points }),
      (error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
      },
    );
    return () => abort.abort();
    // `key` lists every option; the options object itself is new on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const cancel = useCallback(() => {
    controller.current?.abort();
    setCancelledKey(key);
  }, [key]);

  return {
    points: result && result.key === key ? result.points : null,
    progress: progress.key === key ? progress.fraction : 0,
    cancelled: cancelledKey === key && !(result && result.key === key),
    cancel,
  };
}
