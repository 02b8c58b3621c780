// Log–log time against n, one curve per variant and form: medians joined by
// lines, min–max whiskers at every point, the fitted slope printed at the end
// of each curve, the softmax/linear crossover marked, device and timing method
// named; a table of every number and CSV/JSON/PNG/SVG export.
import { line } from 'd3-shape';
import type { SweepResult, TimingMethod } from '../../engine';
import { ChartFrame, XAxis, YGrid } from '../charts/ChartFrame';
import { ChartLegend, NumbersTable } from '../charts/ChartFooter';
import { axisScale, axisTicks, extent } from '../charts/ticks';
import { seriesColor } from '../charts/palette';
import { toCsv } from '../export/csv';
import { formatBytes, formatMs, formatNumber } from '../format';
import { useElementWidth } from '../hooks/useElementWidth';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useT, type MessageKey } from '../i18n';
import { crossovers, headlineCrossover, timingCurves } from './curves';
import { spreadLabels } from './labels';
import { smallestStep } from './resolution';
import chartStyles from '../charts/Chart.module.css';
import styles from './TimingChart.module.css';

export interface TimingChartProps {
  readonly result: SweepResult;
  readonly testId?: string;
}

const MARGIN = { left: 62, right: 74, top: 12, bottom: 42 };
const TIMING_KEYS: Record<TimingMethod, MessageKey> = {
  'timestamp-query': 'timing.methodTimestamp',
  'submitted-work-done': 'timing.methodWorkDone',
  'performance-now': 'timing.methodPerformanceNow',
};

export function TimingChart({ result, testId = 'timing-chart' }: TimingChartProps) {
  const t = useT();
  const theme = useResolvedTheme();
  const [frameRef, width] = useElementWidth<HTMLDivElement>(420);
  const curves = timingCurves(result);
  const found = crossovers(curves);
  const headline = headlineCrossover(found);
  const height = Math.round(Math.min(360, Math.max(240, width * 0.62)));
  const innerW = Math.max(100, width - MARGIN.left - MARGIN.right);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const allN = result.points.map((p) => p.n);
  const allMs = result.points.flatMap((p) => [p.msMin, p.msMax, p.ms]);
  const x = axisScale('log2', extent(allN, 'log2'), [0, innerW]);
  const y = axisScale('log10', extent(allMs, 'log10'), [innerH, 0]);
  const [xLo, xHi] = x.domain();
  const [yLo, yHi] = y.domain();
  const xTicks = axisTicks('log2', xLo, xHi, Math.max(3, Math.floor(innerW / 56)));
  const yTicks = axisTicks('log10', yLo, yHi, 6);
  const path = line<{ readonly n: number; readonly ms: number }>()
    .x((p) => x(p.n))
    .y((p) => y(p.ms));
  const labelYs = spreadLabels(
    curves.map((c) => y(c.points[c.points.length - 1].ms)),
    13,
    4,
    innerH,
  );
  const method = t(TIMING_KEYS[result.timing]);
  const observed = result.timing === 'timestamp-query' ? smallestStep(result) : undefined;
  const resolution =
    result.resolutionMs !== undefined
      ? t('timing.resolution', { value: formatMs(result.resolutionMs) })
      : result.timing === 'timestamp-query'
        ? t('perf.resolutionUnknown', { value: observed !== undefined ? formatMs(observed) : '—' })
        : '';
  const slopeText = (slope: number | undefined) => (slope === undefined ? '—' : slope.toFixed(2));

  const csv = () =>
    toCsv(
      [
        'variant',
        'form',
        'n',
        'heads',
        'dk',
        'dv',
        'ms_median',
        'ms_min',
        'ms_max',
        'bytes',
        'gflops',
        'gbps',
        'slope',
      ],
      curves.flatMap((c) =>
        c.points.map((p) => [
          p.variant,
          p.form,
          p.n,
          p.heads,
          p.dk,
          p.dv,
          p.ms,
          p.msMin,
          p.msMax,
          p.bytes,
          p.gflops,
          p.gbps,
          c.fit?.slope,
        ]),
      ),
    );
  const json = () => ({
    ...result,
    fits: curves.map((c) => ({ curve: c.id, slope: c.fit?.slope ?? null, r2: c.fit?.r2 ?? null })),
    crossovers: found,
  });

  return (
    <ChartFrame
      frameRef={frameRef}
      width={width}
      title={t('timing.chartTitle')}
      height={height}
      margin={MARGIN}
      testId={testId}
      header={
        <p className={styles.device} data-testid={`${testId}-device`}>
          {t('timing.deviceLine', { device: result.deviceName, backend: result.backend, method })}{' '}
          {resolution}
        </p>
      }
      exports={{ fileStem: 'timing-sweep', csv, json, testId: `${testId}-export` }}
      footer={
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
      }
    >
      <YGrid scale={y} ticks={yTicks} width={innerW} format={formatMs} />
      <XAxis
        scale={x}
        ticks={xTicks}
        width={innerW}
        height={innerH}
        format={(v) => (v >= 1024 ? `${v / 1024}k` : v)}
        label={t('timing.xAxis')}
        labelGap={36}
      />
      <text
        className={chartStyles.axisLabel}
        transform={`translate(${-52}, ${innerH / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {t('timing.yAxis')}
      </text>
      {curves.map((curve, index) => {
        const color = seriesColor(index, theme);
        const last = curve.points[curve.points.length - 1];
        return (
          <g key={curve.id} data-curve={curve.id} data-slope={curve.fit?.slope.toFixed(3)}>
            <path d={path([...curve.points]) ?? ''} fill="none" stroke={color} strokeWidth={2} />
            {curve.points.map((p) => (
              <g key={p.n} transform={`translate(${x(p.n)}, 0)`}>
                <line y1={y(p.msMin)} y2={y(p.msMax)} stroke={color} strokeWidth={1.2} />
                <line x1={-3} x2={3} y1={y(p.msMin)} y2={y(p.msMin)} stroke={color} />
                <line x1={-3} x2={3} y1={y(p.msMax)} y2={y(p.msMax)} stroke={color} />
                <circle cy={y(p.ms)} r={3} fill={color} />
              </g>
            ))}
            <line
              x1={x(last.n) + 4}
              x2={innerW + 4}
              y1={y(last.ms)}
              y2={labelYs[index]}
              stroke={color}
              strokeOpacity={0.35}
            />
            <text
              x={innerW + 6}
              y={labelYs[index]}
              dy="0.32em"
              fill={color}
              fontWeight={600}
              data-testid={`${testId}-slope`}
            >
              {t('timing.slopeLabel', { slope: slopeText(curve.fit?.slope) })}
            </text>
          </g>
        );
      })}
      {headline && (
        <g transform={`translate(${x(headline.n)}, ${y(headline.ms)})`} data-testid={`${testId}-crossover`}>
          <circle r={7} fill="none" stroke="var(--text)" strokeWidth={2} />
          <line
            y1={9}
            y2={innerH - y(headline.ms)}
            stroke="var(--text)"
            strokeDasharray="3 3"
            strokeWidth={1}
          />
          <text y={-12} textAnchor="middle" fill="var(--text)" fontWeight={600}>
            {t('timing.crossoverLabel', { n: Math.round(headline.n) })}
          </text>
        </g>
      )}
    </ChartFrame>
  );
}
