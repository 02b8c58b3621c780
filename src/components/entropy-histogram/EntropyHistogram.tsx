// How focused the queries are: a histogram of the row entropies (nats) of two
// maps side by side, up to ln n (a uniform row), with each
// map's mean marked; the bin counts are the text alternative.
import { histogram } from '../../engine';
import { ChartFrame, XAxis, YGrid, YLabel } from '../charts/ChartFrame';
import { ChartLegend, NumbersTable } from '../charts/ChartFooter';
import { seriesColor } from '../charts/palette';
import { axisScale, axisTicks } from '../charts/ticks';
import { toCsv } from '../export/csv';
import { formatNumber } from '../format';
import { useElementWidth } from '../hooks/useElementWidth';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useT } from '../../i18n';
import styles from '../charts/Chart.module.css';

export interface EntropySeries {
  readonly id: string;
  readonly label: string;
  /** One entropy per row, nats. */
  readonly entropy: ArrayLike<number>;
  readonly mean: number;
}

export interface EntropyHistogramProps {
  readonly title: string;
  readonly series: readonly EntropySeries[];
  /** Right end of the axis: ln n, a uniform row's entropy. */
  readonly maxEntropy: number;
  readonly bins?: number;
  readonly height?: number;
  readonly testId?: string;
  readonly pending?: boolean;
}

const MARGIN = { left: 46, right: 14, top: 22, bottom: 40 };

export function EntropyHistogram({
  title,
  series,
  maxEntropy,
  bins = 24,
  height = 210,
  testId,
  pending = false,
}: EntropyHistogramProps) {
  const t = useT();
  const theme = useResolvedTheme();
  const [frameRef, width] = useElementWidth<HTMLDivElement>(360);
  const innerW = Math.max(80, width - MARGIN.left - MARGIN.right);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const top = Math.max(maxEntropy, 1e-9);
  // Rows of linear attention crowd just under ln n: the axis starts a little
  // left of the lowest row entropy (never below 0) so the bins resolve them.
  let lowest = top;
  for (const s of series) for (let i = 0; i < s.entropy.length; i++) lowest = Math.min(lowest, s.entropy[i]);
  const bottom = Math.max(0, lowest - 0.08 * Math.max(top - lowest, 0.05 * top));
  const histograms = series.map((s) => histogram(s.entropy, { bins, min: bottom, max: top }));
  const maxCount = Math.max(1, ...histograms.flatMap((h) => Array.from(h.counts)));
  const x = axisScale('lin', [bottom, top], [0, innerW]);
  const y = axisScale('lin', [0, maxCount], [innerH, 0]);
  const xTicks = axisTicks('lin', bottom, top, Math.max(2, Math.floor(innerW / 55)));
  const yTicks = axisTicks('lin', 0, maxCount, 4);
  const binWidth = innerW / bins;
  const barWidth = Math.max(1, (binWidth - 1) / Math.max(1, series.length));
  const edges = histograms[0]?.edges ?? new Float64Array(0);

  const csv = () =>
    toCsv(
      ['series', 'from', 'to', 'rows'],
      series.flatMap((s, k) =>
        Array.from(histograms[k].counts, (c, b) => [
          s.label,
          histograms[k].edges[b],
          histograms[k].edges[b + 1],
          c,
        ]),
      ),
    );
  const json = () => ({
    title,
    maxEntropy,
    series: series.map((s, k) => ({
      label: s.label,
      mean: s.mean,
      edges: Array.from(histograms[k].edges),
      counts: Array.from(histograms[k].counts),
    })),
  });

  return (
    <ChartFrame
      frameRef={frameRef}
      width={width}
      title={title}
      height={height}
      margin={MARGIN}
      testId={testId}
      pending={pending}
      exports={{ fileStem: title, csv, json }}
      footer={
        <>
          <ChartLegend
            items={series.map((s, k) => ({
              key: s.id,
              color: seriesColor(k, theme),
              label: t('fm.entropy.legend', { label: s.label, mean: formatNumber(s.mean) }),
            }))}
          />
          <NumbersTable
            columns={[t('fm.entropy.x'), ...series.map((s) => s.label)]}
            rows={Array.from({ length: bins }, (_, b) => ({
              key: b,
              cells: [
                `${formatNumber(edges[b])}–${formatNumber(edges[b + 1])}`,
                ...series.map((_, k) => histograms[k].counts[b]),
              ],
            }))}
          />
        </>
      }
    >
      <YGrid scale={y} ticks={yTicks} width={innerW} format={(v) => formatNumber(v)} />
      <XAxis
        scale={x}
        ticks={xTicks}
        width={innerW}
        height={innerH}
        format={(v) => formatNumber(v)}
        label={t('fm.entropy.x')}
      />
      <YLabel marginLeft={MARGIN.left}>{t('fm.entropy.y')}</YLabel>
      {series.map((s, k) => {
        const color = seriesColor(k, theme);
        return (
          <g key={s.id} data-series={s.id} fill={color}>
            {Array.from(histograms[k].counts, (c, b) =>
              c > 0 ? (
                <rect
                  key={b}
                  x={b * binWidth + k * barWidth}
                  y={y(c)}
                  width={barWidth}
                  height={innerH - y(c)}
                />
              ) : null,
            )}
            <line
              x1={x(s.mean)}
              x2={x(s.mean)}
              y2={innerH}
              stroke={color}
              strokeWidth={2}
              strokeDasharray="4 3"
            />
          </g>
        );
      })}
      <line className={styles.marker} x1={x(top)} x2={x(top)} y2={innerH} aria-hidden="true" />
      <text className={styles.tick} x={x(top) - 4} y={-6} textAnchor="end">
        {t('fm.entropy.uniform')}
      </text>
    </ChartFrame>
  );
}
