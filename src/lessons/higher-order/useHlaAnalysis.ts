// Lesson 11's float64 references, computed in a Worker (seconds at n = 512,
// d = 256): the maps' errors against softmax, the state norms over t and the
// caption formula of Fig. 1(C), with the Worker's progress.
import { useState } from 'react';
import { useLatestRun, type LatestRun } from '../../app/engine-host/useEngine';
import type { HlaAnalysis } from '../../components/hla-state/analysis';
import { useHlaWorker } from '../../components/hla-state/useHlaWorker';
import { problemKey, type ProblemInputs } from '../../components/lab/useProblem';

export interface HlaAnalysisRun {
  readonly run: LatestRun<HlaAnalysis>;
  /** Fraction of the running analysis done, 0..1. */
  readonly progress: number;
}

export function useHlaAnalysis(inputs: ProblemInputs, normalize: boolean, chunk: number): HlaAnalysisRun {
  const worker = useHlaWorker();
  const [progress, setProgress] = useState(0);
  const run = useLatestRun<HlaAnalysis>(`${problemKey(inputs)}|${normalize}|${chunk}`, (signal) => {
    const client = worker.current;
    if (!client) throw new Error('the analysis Worker is not running');
    setProgress(0);
    return client.analyze(inputs, { normalize, chunk }, { signal, onProgress: setProgress });
  });
  return { run, progress };
}
