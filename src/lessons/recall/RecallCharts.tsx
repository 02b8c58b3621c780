// Lesson 10's curves: accuracy against P at d, against d at P, and the
// accuracy on the most recent pairs against P; dimmed while a newer sweep runs.
import {
  RECALL_VARIANTS,
  recentCount,
  type PointResult,
  type RecallVariant,
  type VariantScore,
} from '../../engine';
import { LineChart, type ChartSeries } from '../../components/charts/LineChart';
import { useT } from '../../i18n';
import labStyles from '../../components/lab/Lab.module.css';
import styles from './RecallLab.module.css';

function series(
  points: readonly PointResult[],
  x: (p: PointResult) => number,
  y: (s: VariantScore) => number,
  label: (v: RecallVariant) => string,
): ChartSeries[] {
  return RECALL_VARIANTS.map((variant) => ({
    id: variant,
    label: label(variant),
    points: points.map((p) => ({ x: x(p), y: y(p.scores[variant]) })),
    dashed: variant === 'hybrid' || variant === 'linear-elu1',
  }));
}

export function RecallCharts({
  byPairs,
  byD,
  d,
  pairs,
  pending,
  label,
}: {
  /** The latest finished sweep's points (kept while a newer one runs). */
  readonly byPairs: readonly PointResult[];
  readonly byD: readonly PointResult[];
  readonly d: number;
  readonly pairs: number;
  readonly pending: boolean;
  readonly label: (variant: RecallVariant) => string;
}) {
  const t = useT();
  const chartPairs = byPairs.length > 0 ? byPairs[0].d : d;
  const chartP = byD.length > 0 ? byD[0].pairs : pairs;
  return (
    <div className={pending ? styles.pending : undefined} data-pending={pending ? 'true' : undefined}>
      {byPairs.length > 0 && (
        <>
          <LineChart
            title={t('recall.chart.pairs', { d: chartPairs })}
            series={series(
              byPairs,
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
  );
}
