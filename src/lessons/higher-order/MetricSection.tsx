// Lesson 11, the key metric: the query q_t seen through S^K_t (u = q_t S^K_t),
// and row t of the three implied maps, each scaled to its own largest weight.
import { useMemo } from 'react';
import { LineChart } from '../../components/charts/LineChart';
import { formatNumber } from '../../components/format';
import type { HlaAnalysis } from '../../engine';
import { maxAbs } from './numbers';
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';

export interface KeyMetric {
  readonly gain: number;
  readonly cosine: number;
}

export function MetricSection({
  metric,
  comparison,
  n,
  tokens,
}: {
  /** Of the settled state after token t (undefined while it computes). */
  readonly metric: KeyMetric | undefined;
  /** The settled analysis (undefined while one computes). */
  readonly comparison: HlaAnalysis | undefined;
  readonly n: number;
  readonly tokens: number;
}) {
  const t = useT();
  const rowSeries = useMemo(() => {
    if (!comparison) return [];
    // Each row divided by its own largest |weight|: the three maps differ in scale by
    // orders of magnitude (HLA unnormalised grows like t²), and the shapes are what compare.
    const row = (data: Float64Array) => {
      const values = data.subarray((tokens - 1) * n, (tokens - 1) * n + tokens);
      const scale = maxAbs(values) || 1;
      return Array.from(values, (y, j) => ({ x: j + 1, y: y / scale }));
    };
    return [
      { id: 'softmax', label: t('hla.maps.softmax'), points: row(comparison.softmax) },
      { id: 'linear', label: t('hla.maps.linear'), points: row(comparison.linear), dashed: true },
      { id: 'hla', label: t('hla.maps.hla'), points: row(comparison.hla) },
    ];
  }, [comparison, tokens, n, t]);
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('hla.metric.title', { t: tokens })}</h3>
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'metric-gain',
            label: t('hla.metric.gain', { t: tokens }),
            text: metric ? formatNumber(metric.gain, 4) : null,
            value: metric?.gain,
            detail: t('hla.metric.gainDetail'),
          },
          {
            name: 'metric-cosine',
            label: t('hla.metric.cosine', { t: tokens }),
            text: metric ? formatNumber(metric.cosine, 4) : null,
            value: metric?.cosine,
            detail: t('hla.metric.cosineDetail'),
          },
        ]}
      />
      <LineChart
        title={t('hla.metric.rowTitle', { t: tokens })}
        series={rowSeries}
        xLabel={t('hla.maps.keyAxis')}
        yLabel={t('hla.metric.rowAxis')}
        height={200}
        dots={tokens <= 32}
        testId="hla-row-chart"
      />
    </div>
  );
}
