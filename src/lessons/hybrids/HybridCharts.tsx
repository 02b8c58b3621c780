// The hybrid's two charts: the linear branch's share of each token's output at
// the current λ, and its mean share over the ln λ grid with the current ln λ
// marked. Both keep the newest numbers while newer ones compute.
import type { HybridShares } from '../../engine';
import { LineChart } from '../../components/charts/LineChart';
import { formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { perToken } from './chartPoints';
import { MIX_GRID } from './useHybridAnalysis';

export function HybridShareSection({
  shares,
  n,
  window,
  lambda,
}: {
  readonly shares: HybridShares | null;
  readonly n: number;
  readonly window: number;
  readonly lambda: number;
}) {
  const t = useT();
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('hybrids.hybrid.perTokenTitle')}</h3>
      <LineChart
        title={t('hybrids.hybrid.perTokenChart', { w: window, lambda: formatNumber(lambda, 3) })}
        series={[
          {
            id: 'lin-share',
            label: t('hybrids.hybrid.linShareSeries'),
            // Tokens before the window fills have no linear branch.
            points: shares ? perToken(shares.linShare, Math.min(window, n)) : [],
          },
        ]}
        xLabel={t('hybrids.tokenAxis')}
        yLabel={t('hybrids.shareAxis')}
        formatY={(y) => formatNumber(y, 3)}
        height={200}
        testId="hybrid-share-chart"
      />
    </div>
  );
}

export function HybridSweepSection({
  curve,
  window,
  logLambda,
}: {
  /** Mean linear share at each ln λ of MIX_GRID. */
  readonly curve: Float64Array | null;
  readonly window: number;
  readonly logLambda: number;
}) {
  const t = useT();
  return (
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
        markerX={logLambda}
        height={200}
        testId="hybrid-sweep-chart"
      />
    </div>
  );
}
