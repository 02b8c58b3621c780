// Lesson 8 lab: a timing sweep on the reader's device. The reader picks the
// curves (any variant × form the engine registers), the largest n, d and a time
// budget (all in the link); the sweep runs with warm-up and ≥ 5 timed runs per
// point, with a progress bar and a cancel button (components/timing-chart/
// useSweepRunner, shared with the chunking lab); the result is plotted log–log
// with slopes, the crossover, the memory each form allocates, and every skipped
// point.
import {
  linformerProjections,
  performerProjection,
  type CaseInputs,
  type CaseParams,
  type SweepConfig,
  findVariant,
  type Form,
  type VariantId,
} from '../../engine';
import { LineChart } from '../../components/charts/LineChart';
import { Slider } from '../../components/controls/Slider';
import { powersOfTwo } from '../../components/controls/sliderScale';
import { formatBytes, formatN, formatNumber } from '../../components/format';
import { useEngine } from '../../app/engine-host/useEngine';
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
import { SweepControls } from '../common/SweepControls';
import { TimingChart } from '../../components/timing-chart/TimingChart';
import timingStyles from '../../components/timing-chart/TimingChart.module.css';
import { useSweepRunner } from '../common/useSweepRunner';
import { APP_VARIANTS, FORMS_BY_VARIANT, LIMITS, MAX_SWEEP_CASES } from '../../state/limits';
import type { SweepCase } from '../../state/types';
import { useViewStore } from '../../state/store';

/** Cases the lab offers: every form of every variant the app runs (FORMS_BY_VARIANT), in its order. */
const OFFERED: readonly SweepCase[] = APP_VARIANTS.flatMap((variant) =>
  (FORMS_BY_VARIANT[variant] ?? []).map((form: Form) => ({ variant, form })),
);

function sameCase(a: SweepCase, b: SweepCase): boolean {
  return a.variant === b.variant && a.form === b.form;
}

/** The causal setting a variant accepts: the reader's where it has both, else the only one it has. */
function causalFor(variant: VariantId, causal: boolean): boolean {
  const support = findVariant(variant)?.causal ?? 'both';
  return support === 'both' ? causal : support === 'causal-only';
}

export default function TimingLab() {
  const t = useT();
  const { maxN: engineMaxN } = useEngine();
  const sweepCases = useViewStore((s) => s.sweepCases);
  const sweepMaxN = useViewStore((s) => s.sweepMaxN);
  const sweepBudgetS = useViewStore((s) => s.sweepBudgetS);
  const d = useViewStore((s) => s.d);
  const chunk = useViewStore((s) => s.chunk);
  const causal = useViewStore((s) => s.causal);
  const swaWindow = useViewStore((s) => s.window);
  const m = useViewStore((s) => s.m);
  const kproj = useViewStore((s) => s.kproj);
  const setView = useViewStore((s) => s.setView);
  const result = useLastSweep((s) => s.result);
  const runner = useSweepRunner();
  const running = runner.running;
  const ns = sweepSizes(sweepMaxN, engineMaxN);
  const full = sweepCases.length >= MAX_SWEEP_CASES;

  const toggleCase = (c: SweepCase, on: boolean) => {
    const next = on
      ? [...sweepCases.filter((x) => !sameCase(x, c)), c]
      : sweepCases.filter((x) => !sameCase(x, c));
    // Keep the offered order so curves keep their colours.
    setView({ sweepCases: OFFERED.filter((o) => next.some((x) => sameCase(x, o))) });
  };

  const run = async () => {
    const { seed } = useViewStore.getState();
    const config: SweepConfig = {
      cases: sweepCases,
      ns,
      heads: 1,
      dk: d,
      dv: d,
      warmup: SWEEP_WARMUP,
      runs: SWEEP_RUNS,
      budgetMs: pointBudgetMs(sweepBudgetS, sweepCases.length),
      seed,
    };
    const params: CaseParams = (variant, form) => ({
      causal: causalFor(variant, causal),
      ...(form === 'chunk' ? { chunkSize: chunk } : {}),
      ...(variant === 'swa' ? { window: swaWindow } : {}),
    });
    // The lab's own m and kproj; every other variant gets the bench's seeded inputs.
    const inputs: CaseInputs = (variant, n) => {
      if (variant === 'performer')
        return { projection: performerProjection({ seed: seed * 3 + 7, m, dk: d }) };
      if (variant === 'linformer') return linformerProjections({ n, kproj, seed: seed * 3 + 8 });
      return undefined;
    };
    const swept = await runner.start(config.cases.length * ns.length, sweepBudgetS, (job) =>
      job.sweep(config, { params, inputs }),
    );
    if (swept) useLastSweep.setState({ result: swept });
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
        <div className={timingStyles.cases}>
          {APP_VARIANTS.map((variant) => (
            <div key={variant} className={timingStyles.caseRow} role="group" aria-label={variant}>
              <span className={timingStyles.caseVariant} aria-hidden="true">
                {variant}
              </span>
              {(FORMS_BY_VARIANT[variant] ?? []).map((form) => {
                const c = { variant, form };
                const checked = sweepCases.some((x) => sameCase(x, c));
                return (
                  <label key={form}>
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={running || (full && !checked)}
                      aria-label={`${variant} ${form}`}
                      data-testid={`case-${variant}-${form}`}
                      onChange={(event) => toggleCase(c, event.target.checked)}
                    />
                    {form}
                  </label>
                );
              })}
            </div>
          ))}
        </div>
        <p className={styles.note} data-testid="sweep-cases-count">
          {t('perf.casesCount', { count: sweepCases.length, max: MAX_SWEEP_CASES })}
        </p>
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
      <SweepControls
        runner={runner}
        runLabel={t('timing.run')}
        disabled={sweepCases.length === 0 || ns.length === 0}
        onRun={() => void run()}
        describe={(p) =>
          t('timing.progressLine', {
            done: p.done,
            total: p.total,
            curve: `${p.current.variant} ${p.current.form}`,
            n: p.current.n,
          })
        }
        testIdPrefix="sweep"
      />
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
