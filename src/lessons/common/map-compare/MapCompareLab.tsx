// The lab of lessons 3 (feature maps) and 5 (low rank): the chosen φ's implied
// map φ(Q)φ(K)ᵀ (normalised, from the engine) beside softmax's and their
// difference; the spectra of both maps and of φ(Q), φ(K) with effective rank
// and the rank bound; row entropies; errors against softmax; Performer's m and
// Focused's p. The analysis runs in a Worker with a progress bar; the maps are
// drawn as soon as the engine returns them.
import { useMemo } from 'react';
import { hostMatrix } from '../../../engine';
import { useViewStore } from '../../../state/store';
import { Segmented } from '../../../components/controls/Segmented';
import { StoreSlider } from '../../../components/controls/StoreSlider';
import { Toggle } from '../../../components/controls/Toggle';
import { useEngine } from '../../../app/engine-host/useEngine';
import { useT } from '../../../i18n';
import { EngineErrorNote } from '../../../components/lab/EngineErrorNote';
import type { MapChoice, MapSettings } from '../../../engine';
import { choiceOf, viewPatchOf } from './mapChoice';
import { InputControls } from '../../../components/lab/InputControls';
import { Readout } from '../../../components/lab/Readout';
import { useProblem, useProblemInputs } from '../../../components/lab/useProblem';
import styles from '../../../components/lab/Lab.module.css';
import { MapHeatmaps } from './MapHeatmaps';
import { FocusSweep, PerformerSweep, sweepSlope } from './ParameterSweeps';
import { mapCompareItems } from './readout';
import { SpectraAndEntropy } from './SpectraAndEntropy';
import { useMapCompareRuns } from './useMapCompareRuns';

/** The spectra are O(n³): the labs stop at n = 1024 (about 5 s per map on a 2-core machine). */
export const ANALYSIS_MAX_N = 1024;

export interface MapCompareLabProps {
  /** The φ choices this lesson offers, in order. */
  readonly choices: readonly MapChoice[];
}

export function MapCompareLab({ choices }: MapCompareLabProps) {
  const t = useT();
  const { maxN, backend } = useEngine();
  const variant = useViewStore((s) => s.variant);
  const featureMap = useViewStore((s) => s.featureMap);
  const causalSetting = useViewStore((s) => s.causal);
  const m = useViewStore((s) => s.m);
  const p = useViewStore((s) => s.p);
  const setView = useViewStore((s) => s.setView);
  const labMaxN = Math.min(ANALYSIS_MAX_N, maxN ?? ANALYSIS_MAX_N);
  const inputs = useProblemInputs(labMaxN);
  const problem = useProblem(inputs);
  const stored = choiceOf(variant, featureMap);
  const choice: MapChoice = stored !== null && choices.includes(stored) ? stored : choices[0];
  const causal = choice === 'rala' ? false : causalSetting;
  const settings: MapSettings = { choice, causal, m, p };
  const { n } = inputs;
  const name = t(`fm.map.${choice}`);
  const { softmax, implied, analysis, sweep, focus } = useMapCompareRuns(inputs, problem, settings);

  const result = analysis.pending ? undefined : analysis.value;
  const shown = analysis.value;
  const difference = useMemo(() => (shown ? hostMatrix(shown.difference, shown.n, shown.n) : null), [shown]);

  return (
    <div className={styles.lab}>
      <InputControls show={['n', 'd', 'temperature', 'locality', 'clustering', 'seed']} maxN={labMaxN} />
      <Segmented
        label={t('fm.choice')}
        value={choice}
        options={choices.map((value) => ({ value, label: t(`fm.map.${value}`) }))}
        onChange={(value) => setView(viewPatchOf(value))}
        testId="map-select"
      />
      <div className={styles.controls}>
        {choice === 'performer' && (
          <StoreSlider field="m" label={t('fm.m')} grid="log" hint={t('fm.mHint')} testId="m-slider" />
        )}
        {choice === 'focused' && (
          <StoreSlider field="p" label={t('fm.p')} hint={t('fm.pHint')} testId="p-slider" />
        )}
        <Toggle
          label={t('lab.causal')}
          checked={causal}
          disabled={choice === 'rala'}
          onChange={(value) => setView({ causal: value })}
          testId="causal-toggle"
        />
      </div>
      {choice === 'rala' && <p className={styles.note}>{t('fm.ralaNonCausal')}</p>}
      {analysis.pending && (
        <div className={styles.section} data-testid="analysis-progress">
          <label className={styles.note}>
            {t('fm.progress')} — {t('view.computing')} {Math.round(analysis.progress * 100)} %
            <progress className={styles.progress} max={1} value={analysis.progress} />
          </label>
        </div>
      )}
      <Readout
        computingText={t('view.computing')}
        items={mapCompareItems(t, result, choice, causal, sweepSlope(sweep))}
      />
      <EngineErrorNote error={implied.error ?? softmax.error ?? analysis.error ?? sweep.error} />
      <MapHeatmaps
        softmax={softmax}
        implied={implied}
        difference={difference}
        differencePending={analysis.pending}
        choice={choice}
        name={name}
        causal={causal}
        n={n}
      />
      <SpectraAndEntropy shown={shown} name={name} n={n} pending={analysis.pending} />
      {choice === 'performer' && <PerformerSweep sweep={sweep} m={m} />}
      {choice === 'focused' && <FocusSweep focus={focus} p={p} />}
      <p className={styles.note}>{t('fm.note', { backend: backend === 'webgpu' ? 'WebGPU' : 'CPU' })}</p>
    </div>
  );
}
