// The lab of lessons 3 (feature maps) and 5 (low rank): the chosen φ's implied
// map φ(Q)φ(K)ᵀ (normalised, from the engine) beside softmax's and their
// difference; the spectra of both maps and of φ(Q), φ(K) with effective rank
// and the rank bound; row entropies; errors against softmax; Performer's m and
// Focused's p. The analysis runs in a Worker with a progress bar; the maps are
// drawn as soon as the engine returns them.
import { useMemo } from 'react';
import { type PerformerSweepPoint, hostMatrix, type MatrixHandle } from '../../engine';
import { LIMITS } from '../../state/urlSchema';
import { useViewStore } from '../../state/store';
import { LineChart } from '../../components/charts/LineChart';
import { Segmented } from '../../components/controls/Segmented';
import { Slider } from '../../components/controls/Slider';
import { Toggle } from '../../components/controls/Toggle';
import { logGrid } from '../../components/controls/sliderScale';
import { EntropyHistogram } from '../../components/entropy-histogram/EntropyHistogram';
import { ErrorSweepChart } from '../../components/error-sweep-chart/ErrorSweepChart';
import { formatNumber } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useEngine, useLatestRun } from '../../app/engine-host/useEngine';
import { useT } from '../../components/i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import {
  choiceOf,
  inverseSqrtAnchor,
  logLogSlope,
  mapRequest,
  SWEEP_SEED_COUNT,
  viewPatchOf,
  type FeatureAnalysis,
  type FocusPoint,
  type MapChoice,
  type MapSettings,
} from '../../components/lab/featureAnalysis';
import { InputControls } from '../../components/lab/InputControls';
import { Readout, type ReadoutItem } from '../../components/lab/Readout';
import { useAnalysisRun } from '../../components/lab/useAnalysisRun';
import { useFeatureWorkers } from '../../components/lab/useFeatureWorker';
import { problemKey, useProblem, useProblemInputs } from '../../components/lab/useProblem';
import { SpectrumChart } from '../../components/spectrum-chart/SpectrumChart';
import styles from '../../components/lab/Lab.module.css';

/** The spectra are O(n³): the labs stop at n = 1024 (about 5 s per map on a 2-core machine). */
export const ANALYSIS_MAX_N = 1024;

export interface MapCompareLabProps {
  /** The φ choices this lesson offers, in order. */
  readonly choices: readonly MapChoice[];
}

export function MapCompareLab({ choices }: MapCompareLabProps) {
  const t = useT();
  const { engine, epoch, maxN, backend } = useEngine();
  const variant = useViewStore((s) => s.variant);
  const featureMap = useViewStore((s) => s.featureMap);
  const causalSetting = useViewStore((s) => s.causal);
  const m = useViewStore((s) => s.m);
  const p = useViewStore((s) => s.p);
  const setView = useViewStore((s) => s.setView);
  const labMaxN = Math.min(ANALYSIS_MAX_N, maxN ?? ANALYSIS_MAX_N);
  const inputs = useProblemInputs(labMaxN);
  const problem = useProblem(inputs);
  const workers = useFeatureWorkers();
  const stored = choiceOf(variant, featureMap);
  const choice: MapChoice = stored !== null && choices.includes(stored) ? stored : choices[0];
  const causal = choice === 'rala' ? false : causalSetting;
  const settings: MapSettings = { choice, causal, m, p };
  const { n, d } = inputs;
  const name = t(`fm.map.${choice}`);
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

  const analysisKey = `${problemKey(inputs)}|${choiceKey}`;
  const analysis = useAnalysisRun<FeatureAnalysis>(analysisKey, (signal, onProgress) => {
    const client = workers.analysis.current;
    if (!client) return Promise.reject(new Error('the analysis worker is not running'));
    return client.analyze(inputs, settings, { signal, onProgress });
  });
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

  const result = analysis.pending ? undefined : analysis.value;
  const shown = analysis.value;
  const difference = useMemo(() => (shown ? hostMatrix(shown.difference, shown.n, shown.n) : null), [shown]);

  const sweepPoints = sweep.pending ? undefined : sweep.value;
  const meanErrors = (points: readonly PerformerSweepPoint[]) =>
    points.map((point) => ({ m: point.m, error: point.relativeFrobenius.mean }));
  const slope = logLogSlope(meanErrors(sweepPoints ?? []));
  const fit = inverseSqrtAnchor(meanErrors(sweep.value ?? []));

  const items: ReadoutItem[] = [
    {
      name: 'effective-rank',
      label: t('fm.effectiveRank'),
      text: result ? formatNumber(result.map.effectiveRank) : null,
      value: result?.map.effectiveRank,
      detail: result
        ? t('fm.effectiveRankDetail', { softmax: formatNumber(result.softmax.effectiveRank) })
        : undefined,
    },
    {
      name: 'numerical-rank',
      label: t('fm.numericalRank'),
      text: result ? String(result.map.numericalRank) : null,
      value: result?.map.numericalRank,
      detail: result
        ? t('fm.numericalRankDetail', {
            tol: formatNumber(result.map.relativeTolerance, 2),
            softmax: result.softmax.numericalRank,
          })
        : undefined,
    },
    {
      name: 'rank-bound',
      label: t('fm.rankBound'),
      text: result ? String(result.rankBound.bound) : null,
      value: result?.rankBound.bound,
      detail: result ? rankBoundDetail(result) : undefined,
    },
    {
      name: 'mean-entropy',
      label: t('fm.meanEntropy'),
      text: result ? formatNumber(result.meanEntropy) : null,
      value: result?.meanEntropy,
      detail: result
        ? t('fm.meanEntropyDetail', {
            softmax: formatNumber(result.softmaxMeanEntropy),
            max: formatNumber(result.maxEntropy),
          })
        : undefined,
    },
    {
      name: 'rel-frobenius',
      label: t('fm.relFrobenius'),
      text: result ? formatNumber(result.comparison.relativeFrobenius) : null,
      value: result?.comparison.relativeFrobenius,
      detail: t('fm.relFrobeniusDetail'),
    },
    {
      name: 'mean-kl',
      label: t('fm.meanKl'),
      text: result ? formatNumber(result.comparison.meanRowKl) : null,
      value: result?.comparison.meanRowKl,
      detail: t('fm.meanKlDetail'),
    },
    {
      name: 'max-output-error',
      label: t('fm.maxOutputError'),
      text: result ? formatNumber(result.comparison.maxOutputError) : null,
      value: result?.comparison.maxOutputError,
      detail: t('fm.maxOutputErrorDetail'),
    },
    ...(choice === 'performer'
      ? [
          {
            name: 'sweep-slope',
            label: t('fm.slope'),
            text: sweepPoints ? formatNumber(slope) : null,
            value: sweepPoints ? slope : undefined,
            detail: t('fm.slopeDetail', { seeds: SWEEP_SEED_COUNT }),
          },
        ]
      : []),
  ];

  function rankBoundDetail(a: FeatureAnalysis): string {
    if (causal) return t('fm.rankBoundCausal', { r: a.r });
    if (!a.rankBound.limitedByFeatures) return t('fm.rankBoundNone', { r: a.r, n: a.n });
    if (choice === 'inline') return t('fm.rankBoundInline', { bound: a.rankBound.bound });
    return t('fm.rankBoundFeatures', { r: a.r, n: a.n });
  }

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
          <Slider
            label={t('fm.m')}
            value={m}
            values={logGrid(LIMITS.m.min, LIMITS.m.max)}
            onChange={(value) => setView({ m: value })}
            hint={t('fm.mHint')}
            testId="m-slider"
          />
        )}
        {choice === 'focused' && (
          <Slider
            label={t('fm.p')}
            value={p}
            min={LIMITS.p.min}
            max={LIMITS.p.max}
            step={LIMITS.p.step}
            onChange={(value) => setView({ p: value })}
            hint={t('fm.pHint')}
            testId="p-slider"
          />
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
      <Readout computingText={t('view.computing')} items={items} />
      <EngineErrorNote error={implied.error ?? softmax.error ?? analysis.error ?? sweep.error} />
      <div className={styles.pair}>
        <section className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('fm.softmaxTitle', { n })}</h3>
          <Heatmap
            matrix={softmax.value ?? null}
            causal={causal}
            label={t('fm.softmaxTitle', { n })}
            rowName={t('lab.query')}
            colName={t('lab.key')}
            valueLabel={t('lab.weight')}
            testId="softmax-heatmap"
            maxSide={340}
            pending={softmax.pending}
            exportName={`softmax-n${n}`}
          />
        </section>
        <section className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('fm.mapTitle', { name })}</h3>
          <Heatmap
            matrix={implied.value ?? null}
            causal={causal}
            label={t('fm.mapTitle', { name })}
            rowName={t('lab.query')}
            colName={t('lab.key')}
            valueLabel={t('lab.weight')}
            testId="heatmap"
            maxSide={340}
            pending={implied.pending}
            exportName={`${choice}-n${n}`}
          />
        </section>
        <section className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('fm.diffTitle', { name })}</h3>
          <Heatmap
            matrix={difference}
            causal={causal}
            colorMap="diverging"
            label={t('fm.diffTitle', { name })}
            rowName={t('lab.query')}
            colName={t('lab.key')}
            valueLabel={t('fm.diffValue')}
            testId="diff-heatmap"
            maxSide={340}
            pending={analysis.pending}
            exportName={`${choice}-minus-softmax-n${n}`}
          />
        </section>
      </div>
      <div className={styles.pair}>
        <SpectrumChart
          title={t('fm.spectrumTitle')}
          series={
            shown
              ? [
                  { id: 'map', label: t('fm.series.map', { name }), values: shown.map.values },
                  { id: 'softmax', label: t('fm.series.softmax'), values: shown.softmax.values },
                  { id: 'phiQ', label: t('fm.series.phiQ'), values: shown.phiQ.values, dashed: true },
                  { id: 'phiK', label: t('fm.series.phiK'), values: shown.phiK.values, dashed: true },
                ]
              : []
          }
          marks={
            shown
              ? [
                  {
                    id: 'erank',
                    x: shown.map.effectiveRank,
                    label: t('fm.mark.erank', { value: formatNumber(shown.map.effectiveRank) }),
                    series: 0,
                  },
                  {
                    id: 'softmax-erank',
                    x: shown.softmax.effectiveRank,
                    label: t('fm.mark.softmaxErank', { value: formatNumber(shown.softmax.effectiveRank) }),
                    series: 1,
                  },
                  {
                    id: 'bound',
                    x: shown.rankBound.bound,
                    label: t('fm.mark.bound', { value: shown.rankBound.bound }),
                  },
                ]
              : []
          }
          tolerance={shown?.map.relativeTolerance}
          pending={analysis.pending}
          testId="spectrum-chart"
        />
        <EntropyHistogram
          title={t('fm.entropyTitle')}
          series={
            shown
              ? [
                  { id: 'map', label: name, entropy: shown.entropy, mean: shown.meanEntropy },
                  {
                    id: 'softmax',
                    label: t('fm.series.softmax'),
                    entropy: shown.softmaxEntropy,
                    mean: shown.softmaxMeanEntropy,
                  },
                ]
              : []
          }
          maxEntropy={shown?.maxEntropy ?? Math.log(n)}
          pending={analysis.pending}
          testId="entropy-histogram"
        />
      </div>
      {choice === 'performer' && (
        <section className={styles.section}>
          {sweep.pending && (
            <label className={styles.note} data-testid="sweep-progress">
              {t('fm.sweepProgress')} — {t('view.computing')} {Math.round(sweep.progress * 100)} %
              <progress className={styles.progress} max={1} value={sweep.progress} />
            </label>
          )}
          <ErrorSweepChart
            title={t('fm.sweepTitle')}
            points={sweep.value ?? []}
            fit={fit}
            markerM={m}
            pending={sweep.pending}
            testId="sweep-chart"
          />
        </section>
      )}
      {choice === 'focused' && (
        <section className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('fm.pSweepTitle')}</h3>
          {focus.pending && (
            <label className={styles.note} data-testid="focus-progress">
              {t('fm.focusProgress')} — {t('view.computing')} {Math.round(focus.progress * 100)} %
              <progress className={styles.progress} max={1} value={focus.progress} />
            </label>
          )}
          <div className={styles.pair}>
            <LineChart
              title={t('fm.pEntropyTitle')}
              series={[
                {
                  id: 'entropy',
                  label: t('fm.meanEntropy'),
                  points: (focus.value ?? []).map((point) => ({ x: point.p, y: point.meanEntropy })),
                },
              ]}
              xLabel="p"
              yLabel={t('fm.entropy.x')}
              markerX={p}
              dots
              testId="focus-entropy-chart"
            />
            <LineChart
              title={t('fm.pRankTitle')}
              series={[
                {
                  id: 'erank',
                  label: t('fm.effectiveRank'),
                  points: (focus.value ?? []).map((point) => ({ x: point.p, y: point.effectiveRank })),
                },
                {
                  id: 'nrank',
                  label: t('fm.numericalRank'),
                  dashed: true,
                  points: (focus.value ?? []).map((point) => ({ x: point.p, y: point.numericalRank })),
                },
              ]}
              xLabel="p"
              yLabel={t('fm.rankAxis')}
              markerX={p}
              dots
              testId="focus-rank-chart"
            />
          </div>
        </section>
      )}
      <p className={styles.note}>{t('fm.note', { backend: backend === 'webgpu' ? 'WebGPU' : 'CPU' })}</p>
    </div>
  );
}
