// Lesson 7's timing section: the largest n, what will be timed, run / cancel
// with progress, and the results of the last run.
import { StoreSlider } from '../../components/controls/StoreSlider';
import { formatN } from '../../components/format';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { SWEEP_RUNS, SWEEP_WARMUP } from '../../components/timing-chart/sweepPlan';
import { SweepControls } from '../common/SweepControls';
import { ChunkTimingResults, formLabel } from './ChunkTimingResults';
import { TIMING_MAX_N, TIMING_MIN_N, type ChunkTimingRun } from './useChunkTiming';

export function ChunkTimingSection({
  timing: { timing, runner, ns, run },
  canRun,
  name,
  n,
  d,
  chunk,
  sweepBudgetS,
}: {
  readonly timing: ChunkTimingRun;
  /** An engine is there to time. */
  readonly canRun: boolean;
  /** The variant's name as the reader sees it. */
  readonly name: string;
  readonly n: number;
  readonly d: number;
  readonly chunk: number;
  readonly sweepBudgetS: number;
}) {
  const t = useT();
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('chunking.timing.title')}</h3>
      <div className={styles.controls}>
        <StoreSlider
          field="sweepMaxN"
          label={t('chunking.timing.maxN')}
          grid="pow2"
          min={TIMING_MIN_N}
          max={TIMING_MAX_N}
          format={formatN}
          disabled={runner.running}
          testId="timing-max-n"
        />
      </div>
      <p className={styles.note}>
        {t('perf.chunkPlan', {
          variant: name,
          from: formatN(ns[0] ?? TIMING_MIN_N),
          to: formatN(ns[ns.length - 1] ?? TIMING_MIN_N),
          c: chunk,
          n,
          runs: SWEEP_RUNS,
          warmup: SWEEP_WARMUP,
          budget: sweepBudgetS,
          d,
        })}
      </p>
      <SweepControls
        runner={runner}
        runLabel={t('chunking.timing.run')}
        disabled={!canRun || ns.length === 0}
        onRun={() => void run()}
        describe={(p) =>
          t('chunking.timing.progressLine', {
            done: p.done,
            total: p.total,
            form: formLabel(t, p.current.form),
            n: p.current.n,
            c: Number(p.tag ?? chunk),
          })
        }
        testIdPrefix="timing"
      />
      {timing && <ChunkTimingResults timing={timing} chunk={chunk} />}
    </div>
  );
}
