// The map-compare lab's sweeps over the chosen map's own parameter:
// Performer's error against softmax over m (with the 1/√m fit), and Focused's
// mean entropy and ranks over p.
import type { PerformerSweepPoint } from '../../../engine';
import { LineChart } from '../../../components/charts/LineChart';
import { ErrorSweepChart } from '../../../components/error-sweep-chart/ErrorSweepChart';
import { useT } from '../../../i18n';
import type { FocusPoint } from '../../../engine';
import { inverseSqrtAnchor, logLogSlope } from './errorTrend';
import type { AnalysisRun } from '../../../app/engine-host/useAnalysis';
import styles from '../../../components/lab/Lab.module.css';

export function meanErrors(points: readonly PerformerSweepPoint[]) {
  return points.map((point) => ({ m: point.m, error: point.relativeFrobenius.mean }));
}

/** Slope of log error over log m of a settled sweep (undefined while it computes). */
export function sweepSlope(sweep: AnalysisRun<PerformerSweepPoint[]>): number | undefined {
  return sweep.pending || !sweep.value ? undefined : logLogSlope(meanErrors(sweep.value));
}

export function PerformerSweep({
  sweep,
  m,
}: {
  readonly sweep: AnalysisRun<PerformerSweepPoint[]>;
  readonly m: number;
}) {
  const t = useT();
  return (
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
        fit={inverseSqrtAnchor(meanErrors(sweep.value ?? []))}
        markerM={m}
        pending={sweep.pending}
        testId="sweep-chart"
      />
    </section>
  );
}

export function FocusSweep({ focus, p }: { readonly focus: AnalysisRun<FocusPoint[]>; readonly p: number }) {
  const t = useT();
  const points = focus.value ?? [];
  return (
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
              points: points.map((point) => ({ x: point.p, y: point.meanEntropy })),
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
              points: points.map((point) => ({ x: point.p, y: point.effectiveRank })),
            },
            {
              id: 'nrank',
              label: t('fm.numericalRank'),
              dashed: true,
              points: points.map((point) => ({ x: point.p, y: point.numericalRank })),
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
  );
}
