// What the map-compare lab computes: softmax's map and the chosen φ's implied
// map from the engine (drawn as soon as they return), and in the engine's
// analysis worker the spectra, entropies and errors against softmax,
// Performer's error over m and Focused's entropy and rank over p.
import { useMemo } from 'react';
import {
  mapRequest,
  type FeatureAnalysis,
  type FocusPoint,
  type GeneratedProblem,
  type MapSettings,
  type MatrixHandle,
  type PerformerSweepPoint,
} from '../../../engine';
import { asRun, useAnalysis, type AnalysisRun } from '../../../app/engine-host/useAnalysis';
import { useEngine, useLatestRun, type LatestRun } from '../../../app/engine-host/useEngine';
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

  // Performer's m and Focused's p reach the analysis only when they are the choice's.
  const analysisSettings = useMemo(
    () => ({
      inputs,
      settings: { choice, causal, m: choice === 'performer' ? m : 0, p: choice === 'focused' ? p : 0 },
    }),
    [inputs, choice, causal, m, p],
  );
  const analysis = asRun<FeatureAnalysis>(useAnalysis('featureMap', analysisSettings));
  const sweepSettings = useMemo(() => ({ inputs, causal }), [inputs, causal]);
  const sweep = asRun<PerformerSweepPoint[]>(
    useAnalysis('performerSweep', choice === 'performer' ? sweepSettings : null),
  );
  const focus = asRun<FocusPoint[]>(useAnalysis('focusSweep', choice === 'focused' ? sweepSettings : null));

  return { softmax, implied, analysis, sweep, focus };
}
