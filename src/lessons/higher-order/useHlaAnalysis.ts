// Lesson 11's float64 references, computed in the engine's analysis worker
// (seconds at n = 512, d = 256): the maps' errors against softmax, the state
// norms over t and the caption formula of Fig. 1(C), with the worker's progress.
import { useMemo } from 'react';
import type { HlaAnalysis } from '../../engine';
import { useAnalysis } from '../../app/engine-host/useAnalysis';
import type { LatestRun } from '../../app/engine-host/useEngine';
import type { ProblemInputs } from '../../components/lab/useProblem';

export interface HlaAnalysisRun {
  readonly run: LatestRun<HlaAnalysis>;
  /** Fraction of the running analysis done, 0..1. */
  readonly progress: number;
}

export function useHlaAnalysis(inputs: ProblemInputs, normalize: boolean, chunk: number): HlaAnalysisRun {
  const settings = useMemo(() => ({ inputs, settings: { normalize, chunk } }), [inputs, normalize, chunk]);
  const analysis = useAnalysis('hlaState', settings);
  const run: LatestRun<HlaAnalysis> = {
    value: analysis.result,
    error: analysis.error,
    key: undefined,
    pending: analysis.pending,
  };
  return { run, progress: analysis.progress };
}
