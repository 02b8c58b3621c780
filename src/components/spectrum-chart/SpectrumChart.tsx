// Singular values σ_i/σ_1 on a log scale against their index i, for several
// matrices (the chosen map, softmax's map, φ(Q), φ(K)), with vertical marks
// (effective rank, the rank bound r) and the numerical-rank tolerance as a
// horizontal line; a table of the values is the text alternative.
import { line } from 'd3-shape';
import { ChartFrame, XAxis, YGrid, YLabel } from '../charts/ChartFrame';
import { ChartLegend, NumbersTable, paletteLegend } from '../charts/ChartFooter';
import { seriesColor } from '../charts/palette';
import { axisScale, axisTicks } from '../charts/ticks';
import { toCsv } from '../export/csv';
import { formatNumber } from '../format';
import { useElementWidth } from '../hooks/useElementWidth';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useT } from '../../i18n';
import styles from '../charts/Chart.module.css';

export interface SpectrumSeries {
  readonly id: string;
  readonly label: string;
  /** Singular values, descending. */
  readonly values: Float64Array;
  readonly dashed?: boolean;
}

export interface SpectrumMark {
  readonly id: string;
  /** Index on the x axis (1-based; may be fractional, as the effective rank is). */
  readonly x: number;
  readonly label: string;
  /** Colour index of the series it belongs to (palette), or undefined for the marker colour. */
  readonly series?: number;
}

export interface SpectrumChartProps {
  readonly title: string;
  readonly series: readonly SpectrumSeries[];
  readonly marks: readonly SpectrumMark[];
  /** Relative tolerance of the numerical rank (σ_i/σ_1 below it counts as zero). */
  readonly tolerance?: number;
  readonly height?: number;
  readonly testId?: string;
  readonly pending?: boolean;
}

const MARGIN = { left: 52, right: 14, top: 22, bottom: 40 };
/** σ_i/σ_1 below this are drawn at it (float64 cannot resolve less below σ_1). */
const FLOOR = 1e-17;

/** Indices (1-based) the table lists: the first ten, then powers of two, and the last. */
function tableIndices(count: number): number[] {
  const indices = new Set<number>();
  for (let i = 1; i <= Math.min(10, count); i++) indices.add(i);
  for (let i = 16; i < count; i *= 2) indices.add(i);
  if (count > 0) indices.add(count);
  return [...indices].sort((a, b) => a - b);
}

export function SpectrumChart({
  title,
  series,
  marks,
  tolerance,
  height = 230,
  testId,
  pending = false,
}: SpectrumChartProps) {
  const t = useT();
  const theme = useResolvedTheme();
  const [frameRef, width] = useElementWidth<HTMLDivElement>(360);
  const innerW = Math.max(80, width - MARGIN.left - MARGIN.right);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const count = Math.max(1, ...series.map((s) => s.values.length));
  const relative = series.map((s) => {
    const top = s.values.length > 0 ? s.values[0] : 0;
    return Array.from(s.values, (v) => (top > 0 ? Math.max(FLOOR, v / top) : FLOOR));
  });
  const smallest = Math.min(1, ...relative.flat(), tolerance ?? 1);
  const y0 = Math.max(FLOOR / 2, smallest / 2);
  const x = axisScale('lin', [1, Math.max(2, count)], [0, innerW]);
  const y = axisScale('log10', [y0, 1.5], [innerH, 0]);
  const path = line<number>()
    .x((_, i) => x(i + 1))
    .y((v) => y(v));
  const xTicks = axisTicks('lin', 1, Math.max(2, count), Math.max(2, Math.floor(innerW / 50)));
  const yTicks = axisTicks('log10', y0, 1.5, 5);
  const rowsShown = tableIndices(count);

  const csv = () =>
    toCsv(
      ['series', 'i', 'sigma_i', 'sigma_i/sigma_1'],
      series.flatMap((s, k) => Array.from(s.values, (v, i) => [s.label, i + 1, v, relative[k][i]])),
    );
  const json = () => ({
    title,
    tolerance,
    marks: marks.map((m) => ({ label: m.label, x: m.x })),
    series: series.map((s) => ({ label: s.label, singularValues: Array.from(s.values) })),
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
          <ChartLegend items={paletteLegend(series, theme)} />
          <NumbersTable
            before={
              <ul>
                {marks.map((mark) => (
                  <li key={mark.id}>
                    {mark.label}: {formatNumber(mark.x)}
                  </li>
                ))}
                {tolerance !== undefined && (
                  <li>
                    {t('fm.spectrum.tolerance')}: {formatNumber(tolerance)}
                  </li>
                )}
              </ul>
            }
            columns={['i', ...series.map((s) => s.label)]}
            rows={rowsShown.map((i) => ({
              key: i,
              cells: [
                i,
                ...series.map((s, k) => (i <= s.values.length ? formatNumber(relative[k][i - 1]) : '—')),
              ],
            }))}
          />
        </>
      }
    >
      <YGrid scale={y} ticks={yTicks} width={innerW} format={(v) => formatNumber(v, 1)} />
      <XAxis
        scale={x}
        ticks={xTicks}
        width={innerW}
        height={innerH}
        format={(v) => formatNumber(v)}
        label={t('fm.spectrum.x')}
      />
      <YLabel marginLeft={MARGIN.left}>{t('fm.spectrum.y')}</YLabel>
      {tolerance !== undefined && tolerance > y0 && (
        <g>
          <line x2={innerW} y1={y(tolerance)} y2={y(tolerance)} stroke="currentColor" strokeDasharray="2 3" />
          <text className={styles.tick} x={innerW - 2} y={y(tolerance) - 4} textAnchor="end">
            {t('fm.spectrum.tolerance')}
          </text>
        </g>
      )}
      {series.map((s, index) => (
        <path
          key={s.id}
          data-series={s.id}
          d={path(relative[index]) ?? ''}
          fill="none"
          stroke={seriesColor(index, theme)}
          strokeWidth={s.dashed ? 1.5 : 2}
          strokeDasharray={s.dashed ? '5 4' : undefined}
        />
      ))}
      {marks.map((mark, index) => {
        const mx = x(Math.min(Math.max(1, mark.x), count));
        const color = mark.series !== undefined ? seriesColor(mark.series, theme) : 'var(--focus, #e0861b)';
        return (
          <g key={mark.id} data-mark={mark.id}>
            <line x1={mx} x2={mx} y2={innerH} stroke={color} strokeWidth={1.5} strokeDasharray="4 3" />
            <text
              className={styles.tick}
              x={mx + (mx > innerW * 0.7 ? -4 : 4)}
              y={12 + index * 14}
              textAnchor={mx > innerW * 0.7 ? 'end' : 'start'}
              // A halo in the page colour keeps the label legible over the curves.
              style={{
                fill: color,
                paintOrder: 'stroke',
                stroke: 'var(--surface, #fff)',
                strokeWidth: 3,
                strokeLinejoin: 'round',
              }}
            >
              {mark.label}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
