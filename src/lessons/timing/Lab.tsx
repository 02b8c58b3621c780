// Lesson 8 lab: a timing sweep on the reader's device. The reader picks the
// curves (variant × form), the largest n, d and a time budget (all in the
// link); the sweep runs with warm-up and ≥ 5 timed runs per point, with a
// progress bar and a cancel button; the result is plotted log–log with slopes,
// the crossover, the memory each form allocates, and every skipped point.
import { useRef, useState } from 'react';
import { runCpuSweep, runGpuSweep, type CaseParams } from '../../engine/bench/sweep';
import type { SweepConfig, SweepProgress } from '../../engine/bench/types';
import type { Form, VariantId } from '../../engine/types';
import { LineChart } from '../../components/charts/LineChart';
import { Slider } from '../../components/controls/Slider';
import { powersOfTwo } from '../../components/controls/sliderScale';
import { formatBytes, formatN, formatNumber } from '../../components/format';
import { useEngine } from '../../components/hooks/useEngine';
import { useT } from '../../components/i18n';
import { InputControls } from '../../components/lab/InputControls';
import { Readout, type ReadoutItem } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import { crossovers, headlineCrossover, timingCurves } from '../../components/timing-chart/curves';
import {
  pointBudgetMs,
  SWEEP_MIN_N,
  SWEEP_RUNS,
  SWEEP_WARMUP,
  sweepSizes,
  useLastSweep,
} from '../../components/timing-chart/sweepPlan';
import { TimingChart } from '../../components/timing-chart/TimingChart';
import { FORMS_BY_VARIANT, LIMITS } from '../../state/urlSchema';
import type { SweepCase } from '../../state/types';
import { useViewStore } from '../../state/store';

const SWEEP_VARIANTS: readonly VariantId[] = ['softmax', 'linear'];

/** Cases the lab offers: every form of softmax and linear the app runs. */
const OFFERED: readonly SweepCase[] = SWEEP_VARIANTS.flatMap((variant) =>
  (FORMS_BY_VARIANT[variant] ?? []).map((form: Form) => ({ variant, form })),
);

function sameCase(a: SweepCase, b: SweepCase): boolean {
  return a.variant === b.variant && a.form === b.form;
}

export default function TimingLab() {
  const t = useT();
  const { device, deviceInfo, backend, maxN: engineMaxN, status } = useEngine();
  const sweepCases = useViewStore((s) => s.sweepCases);
  const sweepMaxN = useViewStore((s) => s.sweepMaxN);
  const sweepBudgetS = useViewStore((s) => s.sweepBudgetS);
  const d = useViewStore((s) => s.d);
  const chunk = useViewStore((s) => s.chunk);
  const causal = useViewStore((s) => s.causal);
  const setView = useViewStore((s) => s.setView);
  const result = useLastSweep((s) => s.result);
  const [progress, setProgress] = useState<SweepProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const running = progress !== null;
  const ns = sweepSizes(sweepMaxN, engineMaxN);

  const toggleCase = (c: SweepCase, on: boolean) => {
    const next = on
      ? [...sweepCases.filter((x) => !sameCase(x, c)), c]
      : sweepCases.filter((x) => !sameCase(x, c));
    // Keep the offered order so curves keep their colours.
    setView({ sweepCases: OFFERED.filter((o) => next.some((x) => sameCase(x, o))) });
  };

  const run = async () => {
    const controller = new AbortController();
    controllerRef.current = controller;
    setError(null);
    setProgress({ done: 0, total: sweepCases.length * ns.length });
    const config: SweepConfig = {
      cases: sweepCases,
      ns,
      heads: 1,
      dk: d,
      dv: d,
      warmup: SWEEP_WARMUP,
      runs: SWEEP_RUNS,
      budgetMs: pointBudgetMs(sweepBudgetS, sweepCases.length),
      seed: useViewStore.getState().seed,
    };
    const params: CaseParams = (variant) => ({
      causal,
      ...(variant === 'linear' ? { chunkSize: chunk } : {}),
    });
    // The reader's total budget: whatever has not run by then is skipped as cancelled.
    const watchdog = setTimeout(() => controller.abort(), sweepBudgetS * 1000);
    try {
      const swept =
        backend === 'webgpu' && device && deviceInfo
          ? await runGpuSweep({ device, ...deviceInfo }, config, setProgress, controller.signal, { params })
          : await runCpuSweep(config, setProgress, controller.signal, { params });
      useLastSweep.setState({ result: swept });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      clearTimeout(watchdog);
      controllerRef.current = null;
      setProgress(null);
    }
  };

  const curves = result ? timingCurves(result) : [];
  const headline = result ? headlineCrossover(crossovers(curves)) : null;
  const readout: ReadoutItem[] = result
    ? [
        ...curves.map((c) => ({
          name: `slope-${c.variant}-${c.form}`,
          label: t('timing.slopeOf', { curve: c.id }),
          text: c.fit ? c.fit.slope.toFixed(2) : '—',
          value: c.fit?.slope,
        })),
        {
          name: 'crossover-n',
          label: t('timing.crossoverN'),
          text: headline ? `≈ ${Math.round(headline.n)}` : t('timing.noCrossover'),
          value: headline?.n,
          detail: headline ? `${headline.linear} < ${headline.quadratic}` : undefined,
        },
      ]
    : [];

  return (
    <div className={styles.lab}>
      <fieldset className={styles.checks} data-testid="sweep-cases">
        <legend>{t('timing.cases')}</legend>
        {OFFERED.map((c) => {
          const id = `${c.variant} ${c.form}`;
          return (
            <label key={id}>
              <input
                type="checkbox"
                checked={sweepCases.some((x) => sameCase(x, c))}
                disabled={running}
                data-testid={`case-${c.variant}-${c.form}`}
                onChange={(event) => toggleCase(c, event.target.checked)}
              />
              {id}
            </label>
          );
        })}
      </fieldset>
      <div className={styles.controls}>
        <Slider
          label={t('timing.maxN')}
          value={sweepMaxN}
          values={powersOfTwo(LIMITS.sweepMaxN.min, LIMITS.sweepMaxN.max)}
          format={formatN}
          onChange={(value) => setView({ sweepMaxN: value })}
          disabled={running}
          hint={
            engineMaxN !== undefined && sweepMaxN > engineMaxN
              ? t('timing.cpuCap', { n: engineMaxN })
              : undefined
          }
          testId="sweep-max-n"
        />
        <Slider
          label={t('timing.budget')}
          value={sweepBudgetS}
          min={LIMITS.sweepBudgetS.min}
          max={LIMITS.sweepBudgetS.max}
          step={5}
          format={(value) => `${value} s`}
          onChange={(value) => setView({ sweepBudgetS: value })}
          disabled={running}
          testId="sweep-budget"
        />
      </div>
      <InputControls show={['d']} />
      <p className={styles.note}>
        {t('timing.plan', {
          curves: sweepCases.length,
          from: formatN(ns[0] ?? SWEEP_MIN_N),
          to: formatN(ns[ns.length - 1] ?? SWEEP_MIN_N),
          runs: SWEEP_RUNS,
          warmup: SWEEP_WARMUP,
          d,
          causal: causal ? t('timing.causal') : t('timing.nonCausal'),
        })}
      </p>
      <div className={styles.buttons}>
        <button
          type="button"
          className="button button--primary"
          disabled={running || status !== 'ready' || sweepCases.length === 0 || ns.length === 0}
          onClick={() => void run()}
          data-testid="sweep-run"
        >
          {t('timing.run')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!running}
          onClick={() => controllerRef.current?.abort()}
          data-testid="sweep-cancel"
        >
          {t('timing.cancel')}
        </button>
      </div>
      {progress && (
        <div className={styles.section}>
          <progress
            className={styles.progress}
            value={progress.done}
            max={Math.max(1, progress.total)}
            data-testid="sweep-progress"
            aria-label={t('timing.progress')}
          />
          <p className={styles.note} aria-live="polite">
            {progress.current
              ? t('timing.progressLine', {
                  done: progress.done,
                  total: progress.total,
                  curve: `${progress.current.variant} ${progress.current.form}`,
                  n: progress.current.n,
                })
              : `${progress.done} / ${progress.total}`}
          </p>
        </div>
      )}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      {result && (
        <>
          <Readout items={readout} computingText={t('view.computing')} />
          <TimingChart result={result} />
          <LineChart
            title={t('timing.memoryTitle')}
            series={curves.map((c) => ({
              id: c.id,
              label: c.id,
              points: c.points.map((p) => ({ x: p.n, y: p.bytes })),
            }))}
            xLabel={t('timing.xAxis')}
            yLabel={t('wall.bytes')}
            xAxis="log2"
            yAxis="log2"
            formatX={formatN}
            formatY={formatBytes}
            dots
            testId="sweep-memory-chart"
          />
          {result.skipped.length > 0 && (
            <details className={styles.note} data-testid="sweep-skipped">
              <summary>{t('timing.skipped', { count: result.skipped.length })}</summary>
              <ul>
                {result.skipped.map((s) => (
                  <li key={`${s.variant}-${s.form}-${s.n}`}>
                    {`${s.variant} ${s.form}, n = ${s.n}: ${s.reason}`}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <p className={styles.note}>
            {t('timing.pointsNote', {
              points: result.points.length,
              median: formatNumber(
                result.points.reduce((s, p) => s + p.samples.length, 0) / Math.max(1, result.points.length),
              ),
            })}
          </p>
        </>
      )}
    </div>
  );
}
