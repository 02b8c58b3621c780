// The memory branch's share of every token's output (chart) and per segment,
// with the memory's norm after each segment (table). Both keep the newest
// shares while newer ones compute.
import type { InfiniShares } from '../../engine';
import { LineChart } from '../../components/charts/LineChart';
import { formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { perToken } from './chartPoints';

export function MemoryShareSection({
  shares,
  n,
  segment,
  gate,
}: {
  readonly shares: InfiniShares | null;
  readonly n: number;
  readonly segment: number;
  readonly gate: number;
}) {
  const t = useT();
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('hybrids.share.title')}</h3>
      <LineChart
        title={t('hybrids.share.chart', { segment, gate: formatNumber(gate, 3) })}
        series={[
          {
            id: 'mem-share',
            label: t('hybrids.share.series'),
            points: shares ? perToken(shares.memShare) : [],
          },
        ]}
        xLabel={t('hybrids.tokenAxis')}
        yLabel={t('hybrids.shareAxis')}
        formatY={(y) => formatNumber(y, 3)}
        height={200}
        testId="infini-share-chart"
      />
      <table className={styles.note} data-testid="segment-table">
        <caption>{t('hybrids.share.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hybrids.share.segmentCol')}</th>
            <th scope="col">{t('hybrids.share.tokensCol')}</th>
            <th scope="col">{t('hybrids.share.meanCol')}</th>
            <th scope="col">{t('hybrids.share.memoryCol')}</th>
          </tr>
        </thead>
        <tbody>
          {shares &&
            Array.from(shares.segmentMeans, (value, s) => (
              <tr key={s} data-testid={`segment-row-${s + 1}`} data-value={String(value)}>
                <td>{s + 1}</td>
                <td>
                  {s * segment + 1}–{Math.min(n, (s + 1) * segment)}
                </td>
                <td>{formatNumber(value, 4)}</td>
                <td data-testid={`segment-memory-${s + 1}`} data-value={String(shares.memoryNorms[s])}>
                  {formatNumber(shares.memoryNorms[s], 5)}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
