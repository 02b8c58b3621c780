// Lesson 8 lab: a timing sweep on the reader's device. The reader picks the
// curves (any variant × form the engine registers), the largest n, d and a time
// budget (all in the link); the sweep runs with warm-up and ≥ 5 timed runs per
// point, with a progress bar and a cancel button (components/timing-chart/
// useSweepRunner, shared with the chunking lab); the result is plotted log–log
// with slopes, the crossover, the memory each form allocates, and every skipped
// point.
import { StoreSlider } from '../../components/controls/StoreSlider';
import { formatN } from '../../components/format';
import { useEngine } from '../../app/engine-host/useEngine';
import { useT } from '../../i18n';
import { InputControls } from '../../components/lab/InputControls';
import styles from '../../components/lab/Lab.module.css';
import { SWEEP_MIN_N, SWEEP_RUNS, SWEEP_WARMUP, sweepSizes } from '../../components/timing-chart/sweepPlan';
import { SweepControls } from '../common/SweepControls';
import { useViewStore } from '../../state/store';
import { CasePicker } from './CasePicker';
import { SweepResults } from './SweepResults';
import { useTimingSweep } from './useTimingSweep';

export default function TimingLab() {
  const t = useT();
  const { maxN: engineMaxN } = useEngine();
  const sweepCases = useViewStore((s) => s.sweepCases);
  const sweepMaxN = useViewStore((s) => s.sweepMaxN);
  const d = useViewStore((s) => s.d);
  const causal = useViewStore((s) => s.causal);
  const ns = sweepSizes(sweepMaxN, engineMaxN);
  const { result, runner, run } = useTimingSweep(ns);
  const running = runner.running;

  return (
    <div className={styles.lab}>
      <CasePicker disabled={running} />
      <div className={styles.controls}>
        <StoreSlider
          field="sweepMaxN"
          label={t('timing.maxN')}
          format={formatN}
          disabled={running}
          hint={
            engineMaxN !== undefined && sweepMaxN > engineMaxN
              ? t('timing.cpuCap', { n: engineMaxN })
              : undefined
          }
          testId="sweep-max-n"
        />
        <StoreSlider
          field="sweepBudgetS"
          label={t('timing.budget')}
          step={5}
          format={(value) => `${value} s`}
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
      {result && <SweepResults result={result} />}
    </div>
  );
}
