// Under the timing chart: the legend with each curve's slope, the crossovers
// found, and the table of every number.
import { ChartLegend, NumbersTable } from '../charts/ChartFooter';
import { seriesColor } from '../charts/palette';
import { formatBytes, formatMs, formatNumber } from '../format';
import type { Theme } from '../heatmap/colorMaps';
import { useT } from '../../i18n';
import type { CurveCrossover, TimingCurve } from './curves';
import { slopeText } from './timingExport';
import styles from './TimingChart.module.css';

export function TimingFooter({
  curves,
  found,
  theme,
  testId,
}: {
  readonly curves: readonly TimingCurve[];
  readonly found: readonly CurveCrossover[];
  readonly theme: Theme;
  readonly testId: string;
}) {
  const t = useT();
  return (
    <>
      <ChartLegend
        items={curves.map((curve, index) => ({
          key: curve.id,
          color: seriesColor(index, theme),
          label: `${curve.id} · ${t('timing.slopeLabel', { slope: slopeText(curve.fit?.slope) })}`,
        }))}
      />
      {found.length > 0 && (
        <ul className={styles.crossovers} data-testid={`${testId}-crossovers`}>
          {found.map((c) => (
            <li key={`${c.quadratic}|${c.linear}`}>
              {t('timing.crossoverLine', {
                quadratic: c.quadratic,
                linear: c.linear,
                n: Math.round(c.n),
                ms: formatMs(c.ms),
              })}
            </li>
          ))}
        </ul>
      )}
      <NumbersTable
        testId={`${testId}-table`}
        columns={[
          t('timing.curve'),
          'n',
          t('timing.median'),
          'min',
          'max',
          t('timing.memory'),
          t('timing.slope'),
        ]}
        rows={curves.flatMap((c) =>
          c.points.map((p) => ({
            key: `${c.id}-${p.n}`,
            cells: [
              c.id,
              p.n,
              formatNumber(p.ms, 4),
              formatNumber(p.msMin, 4),
              formatNumber(p.msMax, 4),
              formatBytes(p.bytes),
              slopeText(c.fit?.slope),
            ],
          })),
        )}
      />
    </>
  );
}
