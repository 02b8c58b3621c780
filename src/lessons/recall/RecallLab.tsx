// Lesson 10's lab: the associative-recall experiment of src/engine/recall run
// live through the engine. Controls (P, d, T, w, β, |g|, seed) live in the URL;
// the sweep (accuracy against P at d, against d at P) runs with progress and
// cancel; a table prints every variant's accuracy and its state size, and three
// line charts (with tables and exports) draw the curves.
import { useEffect, useMemo } from 'react';
import {
  RECALL_MAX_PAIRS,
  RECALL_VARIANTS,
  RUNS_PER_POINT,
  clampPairs,
  recentCount,
  softmaxScale,
  stateFloats,
  sweepPoints,
  type PointResult,
  type RecallSettings,
  type RecallVariant,
  type VariantScore,
} from '../../engine';
import { useViewStore } from '../../state/store';
import { LIMITS } from '../../state/limits';
import { LineChart, type ChartSeries } from '../../components/charts/LineChart';
import { Slider } from '../../components/controls/Slider';
import { logGrid } from '../../components/controls/sliderScale';
import { formatMs, formatNumber } from '../../components/format';
import { useEngine } from '../../app/engine-host/useEngine';
import { useT } from '../../components/i18n';
import type { MessageKey } from '../../components/i18n/translate';
import { InputControls } from '../../components/lab/InputControls';
import labStyles from '../../components/lab/Lab.module.css';
import chartStyles from '../../components/charts/Chart.module.css';
import { clearValue, publishValue } from '../../components/liveValues';
import styles from './RecallLab.module.css';
import { useRecallSweep } from './useRecallSweep';

/** Largest d the lab runs: Based's recurrent state at d = 64 holds (1 + d + d²)(d + 1) = 270 465 floats per trial. */
export const RECALL_MAX_D = 64;
const D_VALUES = logGrid(LIMITS.d.min, RECALL_MAX_D);
const PAIR_VALUES = [2, 4, 8, 16, 32, 64, 128, RECALL_MAX_PAIRS];
const WINDOW_VALUES = [1, 2, 4, 8, 16, 32, 64, 128, 256];
const GATE_MAX = 0.5;

/** "0.816 (209/256)": the accuracy with its count, so nothing is rounded away. */
export function formatAccuracy(correct: number, total: number): string {
  return total > 0 ? `${formatNumber(correct / total, 3)} (${correct}/${total})` : '—';
}

function series(
  points: readonly PointResult[],
  variants: readonly RecallVariant[],
  x: (p: PointResult) => number,
  y: (s: VariantScore) => number,
  label: (v: RecallVariant) => string,
): ChartSeries[] {
  return variants.map((variant) => ({
    id: variant,
    label: label(variant),
    points: points.map((p) => ({ x: x(p), y: y(p.scores[variant]) })),
    dashed: variant === 'hybrid' || variant === 'linear-elu1',
  }));
}

export function RecallLab() {
  const t = useT();
  const { engine, epoch, backend } = useEngine();
  const setView = useViewStore((s) => s.setView);
  const seed = useViewStore((s) => s.seed);
  // The lab computes at most d = RECALL_MAX_D (Based's state has (1 + d + d²)·(d + 1) floats): show what it computes.
  const d = Math.min(
    useViewStore((s) => s.d),
    RECALL_MAX_D,
  );
  const pairsField = useViewStore((s) => s.pairs);
  const temperature = useViewStore((s) => s.temperature);
  const windowSize = useViewStore((s) => s.window);
  const beta = useViewStore((s) => s.beta);
  const gateStrength = useViewStore((s) => s.gateStrength);
  const pairs = clampPairs(pairsField);
  const settings = useMemo<RecallSettings>(
    () => ({ seed, temperature, window: windowSize, beta, gateStrength }),
    [seed, temperature, windowSize, beta, gateStrength],
  );
  const key = engine
    ? [epoch, backend, seed, d, pairs, temperature, windowSize, beta, gateStrength].join('|')
    : null;
  const sweep = useRecallSweep(engine, key, settings, pairs, d);
  const current = sweep.status === 'done' && sweep.resultKey === key ? sweep.result : null;
  const shown = sweep.result;
  const pending = current === null;
  const label = (v: RecallVariant) => t(`recall.variant.${v}` as MessageKey);
  const scale = softmaxScale(settings, d);
  const recent = recentCount(d);
  const decay = Math.exp(-gateStrength);
  const points = sweepPoints(pairs, d);
  const runs =
    new Set([...points.byPairs, ...points.byD].map((p) => `${p.pairs}|${p.d}`)).size * RUNS_PER_POINT;

  const definition = (v: RecallVariant): string =>
    t(`recall.def.${v}` as MessageKey, {
      scale: formatNumber(scale, 4),
      w: windowSize,
      beta,
      g: formatNumber(gateStrength, 3),
      decay: formatNumber(decay, 4),
    });

  // The row at P = pairs, d = d (the last point of the P sweep).
  const row = current?.byPairs[current.byPairs.length - 1];
  const cells = RECALL_VARIANTS.map((variant) => {
    const score = row?.scores[variant];
    const state = stateFloats(variant, d, 2 * pairs, windowSize);
    return {
      variant,
      accuracy: score ? { text: formatAccuracy(score.correct, score.total), value: score.accuracy } : null,
      recent: score
        ? {
            text: formatAccuracy(score.recentCorrect, score.recentTotal),
            value: score.recentCorrect / score.recentTotal,
          }
        : null,
      window: score
        ? score.inWindowTotal > 0
          ? {
              text: formatAccuracy(score.inWindowCorrect, score.inWindowTotal),
              value: score.inWindowCorrect / score.inWindowTotal,
            }
          : { text: t('recall.table.none'), value: undefined }
        : null,
      state: { text: formatNumber(state, 6), value: state },
    };
  });
  const published = cells
    .flatMap((c) => [
      [`recall-acc-${c.variant}`, c.accuracy?.text ?? ''],
      [`recall-recent-${c.variant}`, c.recent?.text ?? ''],
      [`recall-window-${c.variant}`, c.window?.text ?? ''],
      [`recall-state-${c.variant}`, c.state.text],
    ])
    .concat([
      ['recall-scale', formatNumber(scale, 4)],
      ['recall-chance', formatNumber(1 / pairs, 3)],
    ])
    .filter(([, text]) => text !== '');
  const publishedKey = published.map(([name, text]) => `${name}\u0000${text}`).join('\u0001');
  useEffect(() => {
    for (const [name, text] of published) publishValue(name, text);
    // Re-run when a printed text changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [publishedKey]);
  useEffect(
    () => () => {
      for (const variant of RECALL_VARIANTS) {
        for (const kind of ['acc', 'recent', 'window', 'state']) clearValue(`recall-${kind}-${variant}`);
      }
      clearValue('recall-scale');
      clearValue('recall-chance');
    },
    [],
  );

  const placeholder = sweep.status === 'cancelled' ? t('recall.notRun') : t('view.computing');
  const byPairs = shown?.byPairs ?? [];
  const byD = shown?.byD ?? [];
  const chartPairs = byPairs.length > 0 ? byPairs[0].d : d;
  const chartP = byD.length > 0 ? byD[0].pairs : pairs;

  return (
    <div className={labStyles.lab}>
      <div className={labStyles.controls}>
        <Slider
          label={t('recall.pairs')}
          value={pairs}
          values={PAIR_VALUES.includes(pairs) ? PAIR_VALUES : [...PAIR_VALUES, pairs].sort((a, b) => a - b)}
          onChange={(value) => setView({ pairs: value })}
          hint={t('recall.pairsHint')}
          testId="pairs-slider"
        />
        <Slider
          label={t('recall.window')}
          value={windowSize}
          values={
            WINDOW_VALUES.includes(windowSize)
              ? WINDOW_VALUES
              : [...WINDOW_VALUES, windowSize].sort((a, b) => a - b)
          }
          onChange={(value) => setView({ window: value })}
          hint={t('recall.windowHint')}
          testId="window-slider"
        />
        <Slider
          label={t('lab.d')}
          value={d}
          values={D_VALUES.includes(d) ? D_VALUES : [...D_VALUES, d].sort((a, b) => a - b)}
          onChange={(value) => setView({ d: value })}
          testId="d-slider"
        />
        <Slider
          label={t('recall.beta')}
          value={beta}
          min={LIMITS.beta.min}
          max={LIMITS.beta.max}
          step={LIMITS.beta.step}
          onChange={(value) => setView({ beta: value })}
          testId="beta-slider"
        />
        <Slider
          label={t('recall.gate')}
          value={Math.min(gateStrength, GATE_MAX)}
          min={0}
          max={GATE_MAX}
          step={LIMITS.gateStrength.step}
          onChange={(value) => setView({ gateStrength: value })}
          hint={t('recall.gateHint', { decay: formatNumber(decay, 4) })}
          testId="gate-slider"
        />
      </div>
      <InputControls show={['temperature', 'seed']} />
      <p className={labStyles.note} data-testid="recall-scale" data-value={String(scale)}>
        {t('recall.tempHint', { scale: formatNumber(scale, 4), d })}
      </p>

      <div className={styles.statement} data-testid="recall-statement">
        <p>
          <strong>{t('recall.task.title')}.</strong> {t('recall.task.text', { seed })}
        </p>
        <p>
          <strong>{t('recall.rule.title')}.</strong> {t('recall.rule.text')}
        </p>
      </div>

      <div className={labStyles.section}>
        <div className={labStyles.buttons}>
          <button
            type="button"
            className="button"
            disabled={sweep.status !== 'running'}
            onClick={sweep.cancel}
            data-testid="recall-cancel"
          >
            {t('recall.cancel')}
          </button>
          <button
            type="button"
            className="button"
            disabled={sweep.status === 'running' || !engine}
            onClick={sweep.again}
            data-testid="recall-again"
          >
            {t('recall.again')}
          </button>
        </div>
        <progress
          className={labStyles.progress}
          value={sweep.status === 'running' ? sweep.done : current ? 1 : 0}
          max={sweep.status === 'running' ? Math.max(1, sweep.total) : 1}
          aria-label={t('recall.progress')}
          data-testid="recall-progress"
        />
        <p
          className={labStyles.note}
          aria-live="polite"
          data-testid="recall-status"
          data-status={sweep.status}
        >
          {sweep.status === 'running' &&
            t('recall.progressLine', { done: sweep.done, total: sweep.total || runs, backend })}
          {sweep.status === 'done' &&
            current &&
            t('recall.doneLine', { runs, backend, time: formatMs(sweep.ms ?? 0) })}
        </p>
        {sweep.status === 'cancelled' && (
          <p className={labStyles.error} role="status" data-testid="recall-cancelled">
            {t('recall.cancelled')}
          </p>
        )}
        {sweep.error && (
          <p className={labStyles.error} role="alert" data-testid="engine-error">
            {sweep.error.message}
          </p>
        )}
      </div>

      <div className={styles.tableWrap}>
        <table className={`${chartStyles.table} ${styles.table}`} data-testid="recall-table">
          <caption className={styles.caption} data-testid="recall-chance" data-value={String(1 / pairs)}>
            {t('recall.table.caption', {
              P: pairs,
              d,
              total: row?.scores.softmax.total ?? '…',
              chance: formatNumber(1 / pairs, 3),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('recall.table.variant')}</th>
              <th scope="col">{t('recall.table.accuracy')}</th>
              <th scope="col">{t('recall.table.recent', { r: recent })}</th>
              <th scope="col">{t('recall.table.window')}</th>
              <th scope="col">{t('recall.table.state')}</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((c) => (
              <tr key={c.variant}>
                <th scope="row">{label(c.variant)}</th>
                {(['accuracy', 'recent', 'window', 'state'] as const).map((kind) => {
                  const cell = c[kind];
                  const name = `recall-${kind === 'accuracy' ? 'acc' : kind}-${c.variant}`;
                  return (
                    <td
                      key={kind}
                      data-testid={name}
                      data-value={cell?.value !== undefined ? String(cell.value) : undefined}
                    >
                      {cell?.text ?? placeholder}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <details className={styles.definitions} open>
        <summary>{t('recall.table.definition')}</summary>
        <dl>
          {RECALL_VARIANTS.map((variant) => (
            <div key={variant}>
              <dt>{label(variant)}</dt>
              <dd>{definition(variant)}</dd>
            </div>
          ))}
        </dl>
      </details>

      <div className={pending ? styles.pending : undefined} data-pending={pending ? 'true' : undefined}>
        {byPairs.length > 0 && (
          <>
            <LineChart
              title={t('recall.chart.pairs', { d: chartPairs })}
              series={series(
                byPairs,
                RECALL_VARIANTS,
                (p) => p.pairs,
                (s) => s.accuracy,
                label,
              )}
              xLabel={t('recall.axis.P')}
              yLabel={t('recall.axis.acc')}
              xAxis="log2"
              markerX={chartPairs}
              height={260}
              dots
              testId="recall-pairs-chart"
            />
            <p className={labStyles.note}>{t('recall.chart.pairsNote')}</p>
            <LineChart
              title={t('recall.chart.d', { P: chartP })}
              series={series(
                byD,
                RECALL_VARIANTS,
                (p) => p.d,
                (s) => s.accuracy,
                label,
              )}
              xLabel={t('recall.axis.d')}
              yLabel={t('recall.axis.acc')}
              xAxis="log2"
              markerX={chartPairs}
              height={260}
              dots
              testId="recall-d-chart"
            />
            <p className={labStyles.note}>{t('recall.chart.dNote')}</p>
            <LineChart
              title={t('recall.chart.recent', { r: recentCount(chartPairs), d: chartPairs })}
              series={series(
                byPairs,
                RECALL_VARIANTS,
                (p) => p.pairs,
                (s) => s.recentCorrect / s.recentTotal,
                label,
              )}
              xLabel={t('recall.axis.P')}
              yLabel={t('recall.axis.recentAcc')}
              xAxis="log2"
              markerX={chartPairs}
              height={220}
              dots
              testId="recall-recent-chart"
            />
          </>
        )}
      </div>
    </div>
  );
}
