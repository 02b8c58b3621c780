// Performer's error against softmax as m grows: the mean over seeds with the
// min–max spread as a band, a c/√m reference line, and the current m marked
// (log–log axes, where 1/√m is a straight line of slope −½). The table of
// means, spreads and the reference line is the text alternative.
import { area, line } from 'd3-shape';
import type { PerformerSweepPoint } from '../../engine';
import { ChartFrame, XAxis, YGrid, YLabel } from '../charts/ChartFrame';
import { ChartLegend, NumbersTable } from '../charts/ChartFooter';
import { seriesColor } from '../charts/palette';
import { axisScale, axisTicks, extent } from '../charts/ticks';
import { toCsv } from '../export/csv';
import { formatNumber } from '../format';
import { useElementWidth } from '../hooks/useElementWidth';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useT } from '../../i18n';
import styles from '../charts/Chart.module.css';

export interface ErrorSweepChartProps {
  readonly title: string;
  readonly points: readonly PerformerSweepPoint[];
  /** c of the reference line c/√m. */
  readonly fit: number;
  readonly markerM?: number;
  readonly height?: number;
  readonly testId?: string;
  readonly pending?: boolean;
}

const MARGIN = { left: 58, right: 14, top: 22, bottom: 40 };

export function ErrorSweepChart({
  title,
  points,
  fit,
  markerM,
  height = 220,
  testId,
  pending = false,
}: ErrorSweepChartProps) {
  const t = useT();
  const theme = useResolvedTheme();
  const [frameRef, width] = useElementWidth<HTMLDivElement>(360);
  const innerW = Math.max(80, width - MARGIN.left - MARGIN.right);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const ms = points.map((p) => p.m);
  const ys = points.flatMap((p) => [p.relativeFrobenius.min, p.relativeFrobenius.max, fit / Math.sqrt(p.m)]);
  const [x0, x1] = ms.length > 0 ? [Math.min(...ms), Math.max(...ms)] : [1, 2];
  const [y0, y1] = extent(ys, 'log10');
  const x = axisScale('log2', [x0, Math.max(x1, x0 * 2)], [0, innerW]);
  const y = axisScale('log10', [y0, y1], [innerH, 0]);
  const meanPath = line<PerformerSweepPoint>()
    .x((p) => x(p.m))
    .y((p) => y(p.relativeFrobenius.mean));
  const band = area<PerformerSweepPoint>()
    .x((p) => x(p.m))
    .y0((p) => y(p.relativeFrobenius.min))
    .y1((p) => y(p.relativeFrobenius.max));
  const fitPath = line<PerformerSweepPoint>()
    .x((p) => x(p.m))
    .y((p) => y(fit / Math.sqrt(p.m)));
  const xTicks = axisTicks('log2', x.domain()[0], x.domain()[1], Math.max(2, Math.floor(innerW / 40)));
  const yTicks = axisTicks('log10', y0, y1, 4);
  const meanColor = seriesColor(0, theme);
  const fitColor = seriesColor(1, theme);
  const rows = points as PerformerSweepPoint[];

  const csv = () =>
    toCsv(
      ['m', 'mean', 'std', 'min', 'max', 'fit c/sqrt(m)', 'seeds'],
      points.map((p) => [
        p.m,
        p.relativeFrobenius.mean,
        p.relativeFrobenius.std,
        p.relativeFrobenius.min,
        p.relativeFrobenius.max,
        fit / Math.sqrt(p.m),
        p.relativeFrobenius.values.length,
      ]),
    );
  const json = () => ({
    title,
    fit,
    points: points.map((p) => ({ m: p.m, relativeFrobenius: Array.from(p.relativeFrobenius.values) })),
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
            items={[
              { key: 'mean', color: meanColor, label: t('fm.sweep.mean') },
              {
                key: 'fit',
                color: fitColor,
                dashed: true,
                label: t('fm.sweep.fit', {
                  c: formatNumber(fit),
                  m: points.length > 0 ? Math.max(...points.map((p) => p.m)) : 0,
                }),
              },
            ]}
          />
          <NumbersTable
            columns={['m', t('fm.sweep.mean'), t('fm.sweep.std'), 'min', 'max', 'c/√m']}
            rows={points.map((p) => ({
              key: p.m,
              cells: [
                p.m,
                formatNumber(p.relativeFrobenius.mean),
                formatNumber(p.relativeFrobenius.std),
                formatNumber(p.relativeFrobenius.min),
                formatNumber(p.relativeFrobenius.max),
                formatNumber(fit / Math.sqrt(p.m)),
              ],
            }))}
          />
        </>
      }
    >
      <YGrid scale={y} ticks={yTicks} width={innerW} format={(v) => formatNumber(v, 2)} />
      <XAxis
        scale={x}
        ticks={xTicks}
        width={innerW}
        height={innerH}
        format={Math.round}
        label={t('fm.sweep.x')}
      />
      <YLabel marginLeft={MARGIN.left}>{t('fm.sweep.y')}</YLabel>
      {markerM !== undefined && markerM >= x0 && markerM <= x1 && (
        <line className={styles.marker} x1={x(markerM)} x2={x(markerM)} y2={innerH} />
      )}
      {rows.length > 0 && (
        <>
          <path d={band(rows) ?? ''} fill={meanColor} fillOpacity={0.2} />
          <path
            d={fitPath(rows) ?? ''}
            fill="none"
            stroke={fitColor}
            strokeWidth={1.5}
            strokeDasharray="6 4"
          />
          <path d={meanPath(rows) ?? ''} fill="none" stroke={meanColor} strokeWidth={2} />
          {rows.map((p) => (
            <circle key={p.m} cx={x(p.m)} cy={y(p.relativeFrobenius.mean)} r={3} fill={meanColor} />
          ))}
        </>
      )}
    </ChartFrame>
  );
}
