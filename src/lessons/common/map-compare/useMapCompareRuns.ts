// What the map-compare lab computes: softmax's map and the chosen φ's implied
// map from the engine (drawn as soon as they return), and in the analysis
// Workers the spectra, entropies and errors against softmax, Performer's
// error over m and Focused's entropy and rank over p.
import { useMemo } from 'react';
import type { GeneratedProblem, MatrixHandle, PerformerSweepPoint } from '../../../engine';
import { useEngine, useLatestRun, type LatestRun } from '../../../app/engine-host/useEngine';
import {
  mapRequest,
  type FeatureAnalysis,
  type FocusPoint,
  type MapSettings,
} from '../../../components/lab/featureAnalysis';
import { useAnalysisRun, type AnalysisRun } from '../../../components/lab/useAnalysisRun';
import { useFeatureWorkers } from '../../../components/lab/useFeatureWorker';
import { problemKey, type ProblemInputs } from '../../../components/lab/useProblem';

export interface MapCompareRuns {
  readonly softmax: LatestRun<MatrixHandle>;
  readonly implied: LatestRun<MatrixHandle>;
  readonly analysis: AnalysisRun<FeatureAnalysis>;
  /** Performer's error against softmax over m (idle for other maps). */
  readonly sweep: AnalysisRun<PerformerSweepPoint[]>;
  /** Focused's entropy and rank over p (idle for other maps). */
  readonly focus: AnalysisRun<FocusPoint[]>;
}

export function useMapCompareRuns(
  inputs: ProblemInputs,
  problem: GeneratedProblem,
  settings: MapSettings,
): MapCompareRuns {
  const { engine, epoch, backend } = useEngine();
  const workers = useFeatureWorkers();
  const { choice, causal, m, p } = settings;
  const { d } = inputs;
  const choiceKey = `${choice}|${causal}|${choice === 'performer' ? m : ''}|${choice === 'focused' ? p : ''}`;
  const engineKey = engine ? `${epoch}|${backend}|${problemKey(inputs)}` : null;

  const request = useMemo(
    () => mapRequest({ ...problem, dk: d, dv: d }, { choice, causal, m, p }, inputs.seed),
    [problem, d, choice, causal, m, p, inputs.seed],
  );
  const softmax = useLatestRun<MatrixHandle>(engineKey && `${engineKey}|${causal}`, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant: 'softmax', problem: { ...problem, dk: d, dv: d, params: { causal } } });
  });
  const implied = useLatestRun<MatrixHandle>(engineKey && `${engineKey}|${choiceKey}`, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights(request);
  });

  const analysis = useAnalysisRun<FeatureAnalysis>(
    `${problemKey(inputs)}|${choiceKey}`,
    (signal, onProgress) => {
      const client = workers.analysis.current;
      if (!client) return Promise.reject(new Error('the analysis worker is not running'));
      return client.analyze(inputs, settings, { signal, onProgress });
    },
  );
  const sweepKey = choice === 'performer' ? `${problemKey(inputs)}|${causal}` : null;
  const sweep = useAnalysisRun<PerformerSweepPoint[]>(sweepKey, (signal, onProgress) => {
    const client = workers.sweep.current;
    if (!client) return Promise.reject(new Error('the analysis worker is not running'));
    return client.sweep(inputs, causal, { signal, onProgress });
  });
  const focusKey = choice === 'focused' ? `${problemKey(inputs)}|${causal}` : null;
  const focus = useAnalysisRun<FocusPoint[]>(focusKey, (signal, onProgress) => {
    const client = workers.sweep.current;
    if (!client) return Promise.reject(new Error('the analysis worker is not running'));
    return client.focusSweep(inputs, causal, { signal, onProgress });
  });

  return { softmax, implied, analysis, sweep, focus };
}
