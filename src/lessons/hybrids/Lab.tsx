// Lesson 12 lab: Infini-attention segment by segment (the implied map from the
// engine, the memory branch's share of every token's output, the gate), its
// fixed memory against a growing KV cache, and a sliding-window + linear hybrid
// whose branch shares show how much each branch supplies.
import { useMemo } from 'react';
import { infiniStateFloats, kvCacheFloats, type MatrixHandle, type RunResult } from '../../engine';
import { LineChart, type ChartPoint } from '../../components/charts/LineChart';
import { Slider } from '../../components/controls/Slider';
import { powersOfTwo } from '../../components/controls/sliderScale';
import { formatNumber } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useAnalysis } from '../../app/engine-host/useAnalysis';
import { useEngine, useLatestRun } from '../../app/engine-host/useEngine';
import { useT } from '../../i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout } from '../../components/lab/Readout';
import { problemKey, useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { LIMITS } from '../../state/limits';
import { useViewStore } from '../../state/store';
import { meta } from './meta';

/** Largest n of this lab: the branch shares are computed in float64 (in the analysis worker). */
export const HYBRIDS_MAX_N = 1024;
/** Window widths offered for the hybrid. */
const WINDOWS = [4, 8, 16, 32, 64, 128];
/** ln λ (and β) grid of the sweep chart: the mix field's range. */
const MIX_GRID = Array.from(
  { length: Math.round((LIMITS.mix.max - LIMITS.mix.min) / 0.25) + 1 },
  (_, i) => LIMITS.mix.min + i * 0.25,
);

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function frobenius(values: ArrayLike<number>, count = values.length): number {
  let s = 0;
  for (let i = 0; i < count; i++) s += values[i] * values[i];
  return Math.sqrt(s);
}

function perToken(values: ArrayLike<number>, from = 0): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (let t = from; t < values.length; t++) points.push({ x: t + 1, y: values[t] });
  return points;
}

export default function HybridsLab() {
  const t = useT();
  const { engine, epoch, maxN, backend } = useEngine();
  const stepIndex = useViewStore((s) => s.step);
  const segment = useViewStore((s) => s.chunk);
  const mix = useViewStore((s) => s.mix);
  const window = useViewStore((s) => s.window);
  const setView = useViewStore((s) => s.setView);
  const stepId = meta.steps[stepIndex]?.id ?? 'segments';
  const hybridStep = stepId === 'hybrid' || stepId === 'imbalance';
  const cap = Math.min(HYBRIDS_MAX_N, maxN ?? HYBRIDS_MAX_N);
  const inputs = useProblemInputs(cap);
  const problem = useProblem(inputs);
  const { n, d } = inputs;
  const beta = mix;
  const gate = sigmoid(beta);

  const params = { segment, beta };
  const key = engine ? `${epoch}|${backend}|${problemKey(inputs)}|${segment}|${beta}` : null;
  const engineProblem = { n, dk: d, dv: d, q: problem.q, k: problem.k, v: problem.v, params };
  const weights = useLatestRun<MatrixHandle>(hybridStep ? null : key, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant: 'infini', problem: engineProblem });
  });
  const run = useLatestRun<RunResult>(hybridStep ? null : key, () => {
    if (!engine) throw new Error('no engine');
    return engine.run({ variant: 'infini', form: 'chunk', problem: engineProblem });
  });

  // The branches in float64, in the analysis worker. Readouts wait for the current
  // settings' numbers; the charts and the table keep the previous ones meanwhile.
  const infini = useAnalysis('infiniBranches', hybridStep ? null : { inputs, segment, beta });
  const shownShares = infini.result?.shares ?? null;
  const shares = infini.pending ? null : shownShares;
  // The engine's output against the two branches summed here: they must agree.
  const parts = infini.pending ? undefined : infini.result;
  const agreement = useMemo(() => {
    if (hybridStep || !run.value || run.pending || !parts) return undefined;
    let worst = 0;
    let largest = 0;
    for (let i = 0; i < n * d; i++) {
      const sum = gate * parts.aMem[i] + (1 - gate) * parts.aDot[i];
      worst = Math.max(worst, Math.abs(sum - run.value.o[i]));
      largest = Math.max(largest, Math.abs(sum));
    }
    return worst / Math.max(1, largest);
  }, [hybridStep, run.value, run.pending, parts, gate, n, d]);
  const memoryNorm = run.value?.state && !run.pending ? frobenius(run.value.state, d * d) : undefined;

  const lambda = Math.exp(mix);
  const hybridRun = useAnalysis(
    'hybridAnalysis',
    hybridStep ? { inputs, window, lambda, logLambdas: MIX_GRID } : null,
  );
  const hybrid = hybridRun.pending ? null : (hybridRun.result?.shares ?? null);
  const shownHybrid = hybridRun.result?.shares ?? null;
  const equalLog = hybridRun.pending ? undefined : hybridRun.result?.equalLogLambda;
  const curve = hybridRun.result?.curve ?? null;

  const segments = Math.ceil(n / segment);
  const memoryFloats = d * d + d;
  const kvAtN = kvCacheFloats(n, d, d);
  const infiniAtN = infiniStateFloats(n, segment, d, d);

  const controls = (
    <div className={styles.controls}>
      {!hybridStep && (
        <Slider
          label={t('hybrids.segment')}
          value={segment}
          values={powersOfTwo(LIMITS.chunk.min, LIMITS.chunk.max)}
          onChange={(value) => setView({ chunk: value })}
          hint={t('hybrids.segmentHint', { segments })}
          testId="segment-slider"
        />
      )}
      {hybridStep && (
        <Slider
          label={t('hybrids.window')}
          value={WINDOWS.includes(window) ? window : 32}
          values={WINDOWS}
          onChange={(value) => setView({ window: value })}
          testId="window-slider"
        />
      )}
      <Slider
        label={hybridStep ? t('hybrids.logLambda') : t('hybrids.beta')}
        value={mix}
        min={LIMITS.mix.min}
        max={LIMITS.mix.max}
        step={LIMITS.mix.step}
        format={(value) => formatNumber(value, 3)}
        hint={
          hybridStep
            ? t('hybrids.logLambdaHint', { lambda: formatNumber(lambda, 4) })
            : t('hybrids.betaHint', { gate: formatNumber(gate, 4) })
        }
        onChange={(value) => setView({ mix: value })}
        testId="mix-slider"
      />
    </div>
  );

  if (hybridStep) {
    const start = Math.min(window, n);
    return (
      <div className={styles.lab}>
        <InputControls show={['n', 'd', 'locality', 'seed']} maxN={cap} />
        {controls}
        <p className={styles.note}>{t('hybrids.hybrid.definition', { w: window })}</p>
        <Readout
          computingText={t('view.computing')}
          items={[
            {
              name: 'hybrid-lambda',
              label: t('hybrids.readout.lambda'),
              text: formatNumber(lambda, 4),
              value: lambda,
            },
            {
              name: 'hybrid-swa-norm',
              label: t('hybrids.readout.swaNorm'),
              text: hybrid ? formatNumber(hybrid.meanSwaNorm, 4) : null,
              value: hybrid?.meanSwaNorm,
              detail: t('hybrids.readout.overTokens', { from: start + 1, n }),
            },
            {
              name: 'hybrid-lin-norm',
              label: t('hybrids.readout.linNorm'),
              text: hybrid ? formatNumber(hybrid.meanLinNorm, 4) : null,
              value: hybrid?.meanLinNorm,
              detail: t('hybrids.readout.overTokens', { from: start + 1, n }),
            },
            {
              name: 'hybrid-lin-share',
              label: t('hybrids.readout.linShare'),
              text: hybrid ? formatNumber(hybrid.meanLinShare, 4) : null,
              value: hybrid?.meanLinShare,
              detail: t('hybrids.readout.linShareDetail'),
            },
            {
              name: 'hybrid-equal-lambda',
              label: t('hybrids.readout.equalLambda'),
              text:
                equalLog === undefined
                  ? null
                  : Number.isFinite(equalLog)
                    ? t('hybrids.readout.equalLambdaText', {
                        log: formatNumber(equalLog, 3),
                        lambda: formatNumber(Math.exp(equalLog), 3),
                      })
                    : t('hybrids.readout.none'),
              value: equalLog !== undefined && Number.isFinite(equalLog) ? equalLog : undefined,
            },
          ]}
        />
        {n <= window && <p className={styles.note}>{t('hybrids.hybrid.noLinear', { n, w: window })}</p>}
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('hybrids.hybrid.perTokenTitle')}</h3>
          <LineChart
            title={t('hybrids.hybrid.perTokenChart', { w: window, lambda: formatNumber(lambda, 3) })}
            series={[
              {
                id: 'lin-share',
                label: t('hybrids.hybrid.linShareSeries'),
                points: shownHybrid ? perToken(shownHybrid.linShare, start) : [],
              },
            ]}
            xLabel={t('hybrids.tokenAxis')}
            yLabel={t('hybrids.shareAxis')}
            formatY={(y) => formatNumber(y, 3)}
            height={200}
            testId="hybrid-share-chart"
          />
        </div>
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('hybrids.hybrid.sweepTitle')}</h3>
          <LineChart
            title={t('hybrids.hybrid.sweepChart', { w: window })}
            series={[
              {
                id: 'mean-lin-share',
                label: t('hybrids.hybrid.meanShareSeries'),
                points: curve ? MIX_GRID.map((x, i) => ({ x, y: curve[i] })) : [],
              },
            ]}
            xLabel={t('hybrids.logLambdaAxis')}
            yLabel={t('hybrids.shareAxis')}
            formatY={(y) => formatNumber(y, 3)}
            markerX={mix}
            height={200}
            testId="hybrid-sweep-chart"
          />
        </div>
      </div>
    );
  }

  const memSeries: ChartPoint[] = shownShares ? perToken(shownShares.memShare) : [];
  const sizes = (() => {
    const stride = Math.max(1, Math.ceil(n / 128));
    const kv: ChartPoint[] = [];
    const infini: ChartPoint[] = [];
    for (let tok = 1; tok <= n; tok += stride) {
      kv.push({ x: tok, y: kvCacheFloats(tok, d, d) });
      infini.push({ x: tok, y: infiniStateFloats(tok, segment, d, d) });
      // The sawtooth's peaks: the last token of each segment.
      const peak = Math.min(n, Math.ceil(tok / segment) * segment);
      if (peak !== tok && peak < tok + stride) {
        kv.push({ x: peak, y: kvCacheFloats(peak, d, d) });
        infini.push({ x: peak, y: infiniStateFloats(peak, segment, d, d) });
      }
    }
    return { kv, infini };
  })();

  return (
    <div className={styles.lab}>
      <InputControls show={['n', 'd', 'locality', 'seed']} maxN={cap} />
      {controls}
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'infini-gate',
            label: t('hybrids.readout.gate'),
            text: formatNumber(gate, 4),
            value: gate,
          },
          {
            name: 'infini-mem-share',
            label: t('hybrids.readout.memShare'),
            text:
              shares && Number.isFinite(shares.meanMemShareAfterFirst)
                ? formatNumber(shares.meanMemShareAfterFirst, 4)
                : shares
                  ? t('hybrids.readout.none')
                  : null,
            value:
              shares && Number.isFinite(shares.meanMemShareAfterFirst)
                ? shares.meanMemShareAfterFirst
                : undefined,
            detail: t('hybrids.readout.memShareDetail', { from: Math.min(segment, n) + 1, n }),
          },
          {
            name: 'infini-memory-floats',
            label: t('hybrids.readout.memoryFloats'),
            text: String(memoryFloats),
            value: memoryFloats,
            detail: t('hybrids.readout.memoryFloatsDetail', { d }),
          },
          {
            name: 'infini-state-floats',
            label: t('hybrids.readout.infiniFloats', { n }),
            text: String(infiniAtN),
            value: infiniAtN,
          },
          {
            name: 'infini-kv-floats',
            label: t('hybrids.readout.kvFloats', { n }),
            text: String(kvAtN),
            value: kvAtN,
          },
          {
            name: 'infini-memory-norm',
            label: t('hybrids.readout.memoryNorm'),
            text: memoryNorm !== undefined ? formatNumber(memoryNorm, 5) : null,
            value: memoryNorm,
            detail: t('hybrids.readout.memoryNormDetail', { backend }),
          },
          {
            name: 'infini-agreement',
            label: t('hybrids.readout.agreement'),
            text: agreement !== undefined ? formatNumber(agreement, 2) : null,
            value: agreement,
            detail: t('hybrids.readout.agreementDetail'),
          },
        ]}
      />
      <EngineErrorNote error={weights.error ?? run.error} />
      {stepId !== 'memory' && (
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('hybrids.map.title')}</h3>
          <Heatmap
            matrix={weights.value ?? null}
            pending={weights.pending}
            causal
            label={t('hybrids.map.label', { n, segment, gate: formatNumber(gate, 3) })}
            rowName={t('lab.query')}
            colName={t('lab.key')}
            valueLabel={t('lab.weight')}
            testId="heatmap"
            maxSide={360}
            exportName={`infini-map-n${n}-seg${segment}`}
          />
          <p className={styles.note}>{t('hybrids.map.note')}</p>
        </div>
      )}
      {stepId !== 'memory' && (
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('hybrids.share.title')}</h3>
          <LineChart
            title={t('hybrids.share.chart', { segment, gate: formatNumber(gate, 3) })}
            series={[{ id: 'mem-share', label: t('hybrids.share.series'), points: memSeries }]}
            xLabel={t('hybrids.tokenAxis')}
            yLabel={t('hybrids.shareAxis')}
            formatY={(y) => formatNumber(y, 3)}
            height={200}
            testId="infini-share-chart"
          />
          <table className={styles.note} data-testid="segment-table">
            <caption>{t('hybrids.share.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hybrids.share.segmentCol')}</th>
                <th scope="col">{t('hybrids.share.tokensCol')}</th>
                <th scope="col">{t('hybrids.share.meanCol')}</th>
                <th scope="col">{t('hybrids.share.memoryCol')}</th>
              </tr>
            </thead>
            <tbody>
              {shownShares &&
                Array.from(shownShares.segmentMeans, (value, s) => (
                  <tr key={s} data-testid={`segment-row-${s + 1}`} data-value={String(value)}>
                    <td>{s + 1}</td>
                    <td>
                      {s * segment + 1}–{Math.min(n, (s + 1) * segment)}
                    </td>
                    <td>{formatNumber(value, 4)}</td>
                    <td
                      data-testid={`segment-memory-${s + 1}`}
                      data-value={String(shownShares.memoryNorms[s])}
                    >
                      {formatNumber(shownShares.memoryNorms[s], 5)}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      {stepId === 'memory' && (
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('hybrids.sizes.title')}</h3>
          <LineChart
            title={t('hybrids.sizes.chart', { d, segment })}
            series={[
              { id: 'kv', label: t('hybrids.sizes.kv'), points: sizes.kv },
              { id: 'infini', label: t('hybrids.sizes.infini'), points: sizes.infini },
            ]}
            xLabel={t('hybrids.tokenAxis')}
            yLabel={t('hybrids.sizes.yAxis')}
            formatY={(y) => formatNumber(y, 4)}
            height={220}
            testId="sizes-chart"
          />
          <p className={styles.note}>{t('hybrids.sizes.note')}</p>
        </div>
      )}
    </div>
  );
}
