// Log–log time against n, one curve per variant and form: medians joined by
// lines, min–max whiskers at every point, the fitted slope printed at the end
// of each curve, the softmax/linear crossover marked, device and timing method
// named; a table of every number and CSV/JSON/PNG/SVG export.
import type { SweepResult, TimingMethod } from '../../engine';
import { ChartFrame, XAxis, YGrid } from '../charts/ChartFrame';
import { axisScale, axisTicks, extent } from '../charts/ticks';
import { seriesColor } from '../charts/palette';
import { formatMs } from '../format';
import { useElementWidth } from '../hooks/useElementWidth';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useT, type MessageKey } from '../../i18n';
import { crossovers, headlineCrossover, timingCurves } from './curves';
import { spreadLabels } from './labels';
import { smallestStep } from './resolution';
import chartStyles from '../charts/Chart.module.css';
import { TimingCurvePath } from './TimingCurvePath';
import { timingCsv, timingJson } from './timingExport';
import { TimingFooter } from './TimingFooter';
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
      exports={{
        fileStem: 'timing-sweep',
        csv: () => timingCsv(curves),
        json: () => timingJson(result, curves, found),
        testId: `${testId}-export`,
      }}
      footer={<TimingFooter curves={curves} found={found} theme={theme} testId={testId} />}
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
      {curves.map((curve, index) => (
        <TimingCurvePath
          key={curve.id}
          curve={curve}
          color={seriesColor(index, theme)}
          x={x}
          y={y}
          innerW={innerW}
          labelY={labelYs[index]}
          testId={testId}
        />
      ))}
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
