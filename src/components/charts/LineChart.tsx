// A small line chart (d3 scales, React-rendered SVG) with an optional marker
// at the current x, a legend, a table of the numbers for screen readers and
// export buttons.
import { line } from 'd3-shape';
import { useElementWidth } from '../hooks/useElementWidth';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { toCsv } from '../export/csv';
import { formatNumber } from '../format';
import { ChartFrame, XAxis, YGrid, YLabel } from './ChartFrame';
import { ChartLegend, NumbersTable, paletteLegend } from './ChartFooter';
import { seriesColor } from './palette';
import { axisScale, axisTicks, extent, type AxisKind } from './ticks';
import styles from './Chart.module.css';

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  readonly points: readonly ChartPoint[];
  readonly dashed?: boolean;
}

export interface LineChartProps {
  readonly title: string;
  readonly series: readonly ChartSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xAxis?: AxisKind;
  readonly yAxis?: AxisKind;
  readonly formatX?: (x: number) => string;
  readonly formatY?: (y: number) => string;
  /** A vertical line at this x (the current t or n). */
  readonly markerX?: number;
  readonly height?: number;
  readonly testId?: string;
  /** Draw dots at the points (sparse data such as a reader's own runs). */
  readonly dots?: boolean;
}

const MARGIN = { left: 58, right: 14, top: 22, bottom: 40 };

export function LineChart({
  title,
  series,
  xLabel,
  yLabel,
  xAxis = 'lin',
  yAxis = 'lin',
  formatX = (x) => formatNumber(x),
  formatY = (y) => formatNumber(y),
  markerX,
  height = 200,
  testId,
  dots = false,
}: LineChartProps) {
  const theme = useResolvedTheme();
  const [frameRef, width] = useElementWidth<HTMLDivElement>(360);
  const innerW = Math.max(80, width - MARGIN.left - MARGIN.right);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const [x0, x1] = extent(markerX !== undefined ? [...xs, markerX] : xs, xAxis);
  const [y0, y1] = extent(ys, yAxis);
  const x = axisScale(xAxis, xAxis === 'lin' ? [Math.min(...xs, x0), x1] : [x0, x1], [0, innerW]);
  const y = axisScale(yAxis, [y0, y1], [innerH, 0]);
  const path = line<ChartPoint>()
    .defined((p) => Number.isFinite(p.y) && (yAxis === 'lin' || p.y > 0))
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const xTicks = axisTicks(xAxis, x.domain()[0], x.domain()[1], Math.max(2, Math.floor(innerW / 45)));
  const yTicks = axisTicks(yAxis, y0, y1, 4);

  const csv = () =>
    toCsv(
      ['series', xLabel, yLabel],
      series.flatMap((s) => s.points.map((p) => [s.label, p.x, p.y])),
    );
  const json = () => ({
    title,
    xLabel,
    yLabel,
    series: series.map((s) => ({ label: s.label, points: s.points })),
  });

  return (
    <ChartFrame
      frameRef={frameRef}
      width={width}
      title={title}
      height={height}
      margin={MARGIN}
      testId={testId}
      exports={{ fileStem: title, csv, json }}
      footer={
        <>
          {series.length > 1 && <ChartLegend items={paletteLegend(series, theme)} />}
          <NumbersTable
            columns={[xLabel, ...series.map((s) => s.label)]}
            rows={[...new Set(xs)]
              .sort((a, b) => a - b)
              .map((xv) => ({
                key: xv,
                cells: [
                  formatX(xv),
                  ...series.map((s) => {
                    const point = s.points.find((p) => p.x === xv);
                    return point ? formatY(point.y) : '—';
                  }),
                ],
              }))}
          />
        </>
      }
    >
      <YGrid scale={y} ticks={yTicks} width={innerW} format={formatY} />
      <XAxis scale={x} ticks={xTicks} width={innerW} height={innerH} format={formatX} label={xLabel} />
      <YLabel marginLeft={MARGIN.left}>{yLabel}</YLabel>
      {markerX !== undefined && Number.isFinite(x(markerX)) && (
        <line className={styles.marker} x1={x(markerX)} x2={x(markerX)} y2={innerH} />
      )}
      {series.map((s, index) => {
        const color = seriesColor(index, theme);
        return (
          <g key={s.id} data-series={s.id}>
            <path
              d={path(s.points as ChartPoint[]) ?? ''}
              fill="none"
              stroke={color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
            />
            {(dots || s.points.length === 1) &&
              s.points.map((p) => <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={3} fill={color} />)}
          </g>
        );
      })}
    </ChartFrame>
  );
}
