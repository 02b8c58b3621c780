// What each model holds as the sequence grows: the KV cache grows with every
// token, Infini-attention's memory stays d×d + d plus the current segment's
// keys and values (the sawtooth).
import { LineChart } from '../../components/charts/LineChart';
import { formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { memorySizes } from './chartPoints';

export function MemorySizesSection({
  n,
  d,
  segment,
}: {
  readonly n: number;
  readonly d: number;
  readonly segment: number;
}) {
  const t = useT();
  const sizes = memorySizes(n, d, segment);
  return (
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
  );
}
