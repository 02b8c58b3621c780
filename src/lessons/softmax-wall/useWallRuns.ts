// What lesson 1's lab asks the engine: softmax's map at the reader's n, one
// timed run once that map is on screen, and on request a quick sweep of
// sizes. The times the reader collects are kept per (d, causal, backend) for
// the time chart.
import { useRef, useState } from 'react';
import { generateProblem, type GeneratedProblem, type MatrixHandle } from '../../engine';
import { useEngine, useLatestRun, type LatestRun } from '../../app/engine-host/useEngine';
import { useRunAfterPaint, type RunAfterPaint } from '../common/useRunAfterPaint';
import { problemKey, type ProblemInputs } from '../../components/lab/useProblem';

interface TimedRun {
  readonly ms: number;
  /** Every run the reader made at this d, causal setting and backend: n → ms. */
  readonly history: ReadonlyMap<number, number>;
}

export const QUICK_SWEEP_MAX = 4096;
/** The quick sweep stops after a size whose median run took longer than this. */
const QUICK_SWEEP_STOP_MS = 1500;

export interface WallRuns {
  readonly weights: LatestRun<MatrixHandle>;
  readonly timed: RunAfterPaint<TimedRun>;
  /** The map's onPainted: starts the timed run for the key it was drawn for. */
  readonly onMapPainted: (key: string | null) => void;
  /** n → ms of the runs to plot. */
  readonly runHistory: ReadonlyMap<number, number>;
  readonly sweeping: boolean;
  readonly quickSweep: () => Promise<void>;
}

export function useWallRuns(inputs: ProblemInputs, problem: GeneratedProblem, causal: boolean): WallRuns {
  const { engine, epoch, maxN, backend } = useEngine();
  const engineProblem = { ...problem, dk: inputs.d, dv: inputs.d, params: { causal } };
  const key = engine ? `${epoch}|${backend}|${problemKey(inputs)}|${causal}` : null;
  // Runs the reader made, per (d, causal, backend): the time chart plots them.
  const historyRef = useRef(new Map<string, Map<number, number>>());
  const historyKey = `${inputs.d}|${causal}|${backend}`;
  const [sweeping, setSweeping] = useState(false);

  const weights = useLatestRun<MatrixHandle>(key, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant: 'softmax', problem: engineProblem });
  });
  // The timed run waits until the map of the same key is on screen and the drag
  // has paused: the map is what the reader drags for, and a run queued on the
  // GPU before the next map would delay it. Until it is back for this key, "Computing…".
  const [timed, onMapPainted] = useRunAfterPaint<TimedRun>(key, async () => {
    if (!engine) throw new Error('no engine');
    const result = await engine.run({ variant: 'softmax', form: 'parallel', problem: engineProblem });
    const history = historyRef.current.get(historyKey) ?? new Map<number, number>();
    history.set(inputs.n, result.ms);
    historyRef.current.set(historyKey, history);
    return { ms: result.ms, history: new Map(history) };
  });

  const [sweepHistory, setSweepHistory] = useState<{
    key: string;
    history: ReadonlyMap<number, number>;
  } | null>(null);
  const quickSweep = async () => {
    if (!engine) return;
    setSweeping(true);
    try {
      const top = Math.min(QUICK_SWEEP_MAX, maxN ?? QUICK_SWEEP_MAX);
      const history = historyRef.current.get(historyKey) ?? new Map<number, number>();
      for (let size = 64; size <= top; size *= 2) {
        const p = generateProblem({ ...inputs, n: size, dk: inputs.d, dv: inputs.d });
        const request = {
          variant: 'softmax' as const,
          form: 'parallel' as const,
          problem: { ...p, params: { causal } },
        };
        await engine.run(request); // warm-up: pipeline and buffers
        const samples: number[] = [];
        for (let i = 0; i < 3; i++) samples.push((await engine.run(request)).ms);
        samples.sort((a, b) => a - b);
        history.set(size, samples[1]);
        historyRef.current.set(historyKey, history);
        setSweepHistory({ key: historyKey, history: new Map(history) });
        // The next size costs about four times as much: stop before it takes too long.
        if (samples[1] > QUICK_SWEEP_STOP_MS) break;
      }
    } finally {
      setSweeping(false);
    }
  };

  const runHistory =
    sweepHistory &&
    sweepHistory.key === historyKey &&
    (!timed.previous || sweepHistory.history.size >= timed.previous.history.size)
      ? sweepHistory.history
      : (timed.previous?.history ?? new Map<number, number>());
  return { weights, timed, onMapPainted, runHistory, sweeping, quickSweep };
}
