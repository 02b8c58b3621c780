// Memory horizon: how much of token j's write is left in the state after each
// later token t, e^{g_{j+1} + … + g_t} (per channel for vector gates: the
// fastest, median and slowest channel and the mean over channels), with the
// printed number of steps until it falls below 1/e and below 1 %.
import { useMemo } from 'react';
import { LineChart, type ChartPoint } from '../../components/charts/LineChart';
import { formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import { Readout, type ReadoutItem } from '../../components/lab/Readout';
import labStyles from '../../components/lab/Lab.module.css';
import {
  horizonSteps,
  horizonSummary,
  retention,
  type HorizonSummary,
} from '../../components/decay-mask/gates';

export interface MemoryHorizonProps {
  /** Log gates n×channels. */
  readonly logGates: ArrayLike<number>;
  readonly n: number;
  readonly channels: number;
  /** The token whose write is followed (1-based). */
  readonly j: number;
  /** The variant has no decay gate at all (DeltaNet): writes fade only when overwritten. */
  readonly noDecay?: boolean;
}

/** Thresholds of the printed horizons. */
export const HORIZON_THRESHOLDS = { e: Math.exp(-1), pct: 0.01 } as const;

/** At most this many points per curve (the table of numbers stays short). */
const MAX_POINTS = 160;

function sample(curve: Float64Array, j: number): ChartPoint[] {
  const stride = Math.max(1, Math.ceil(curve.length / MAX_POINTS));
  const points: ChartPoint[] = [];
  for (let i = 0; i < curve.length; i += stride) points.push({ x: j + i, y: curve[i] });
  const last = curve.length - 1;
  if (last % stride !== 0) points.push({ x: j + last, y: curve[last] });
  return points;
}

export function MemoryHorizon({ logGates, n, channels, j, noDecay }: MemoryHorizonProps) {
  const t = useT();
  const summaries = useMemo(
    () => ({
      e: horizonSummary(logGates, n, channels, j, HORIZON_THRESHOLDS.e),
      pct: horizonSummary(logGates, n, channels, j, HORIZON_THRESHOLDS.pct),
    }),
    [logGates, n, channels, j],
  );
  const series = useMemo(() => {
    const curves = retention(logGates, n, channels, j);
    if (channels === 1)
      return [{ id: 'write', label: t('gating.horizon.share'), points: sample(curves[0], j) }];
    // Fastest, median and slowest channel by their 1/e horizon (unreached counts as slowest).
    const order = curves
      .map((_, c) => ({ c, h: horizonSteps(logGates, n, channels, c, j, HORIZON_THRESHOLDS.e) ?? Infinity }))
      .sort((a, b) => a.h - b.h);
    const pick = [order[0], order[Math.floor((order.length - 1) / 2)], order[order.length - 1]];
    const mean = new Float64Array(curves[0].length);
    for (const curve of curves) for (let i = 0; i < curve.length; i++) mean[i] += curve[i] / channels;
    return [
      { id: 'mean', label: t('gating.horizon.mean'), points: sample(mean, j) },
      ...pick.map(({ c }, index) => ({
        id: `channel-${c}`,
        label: t(
          index === 0
            ? 'gating.horizon.fastest'
            : index === 1
              ? 'gating.horizon.median'
              : 'gating.horizon.slowest',
          { c: c + 1 },
        ),
        dashed: true,
        points: sample(curves[c], j),
      })),
    ];
  }, [logGates, n, channels, j, t]);

  const item = (name: string, label: string, summary: HorizonSummary): ReadoutItem => {
    const reached = summary.median !== null;
    const steps = n - j;
    return {
      name,
      label,
      text: reached
        ? formatNumber(summary.median as number, 4)
        : noDecay
          ? t('gating.horizon.never')
          : t('gating.horizon.beyond', { steps }),
      value: reached ? (summary.median as number) : undefined,
      detail:
        channels > 1
          ? t('gating.horizon.range', {
              fastest: summary.fastest === null ? '—' : formatNumber(summary.fastest, 3),
              slowest:
                summary.slowest === null
                  ? t('gating.horizon.beyondShort', { steps })
                  : formatNumber(summary.slowest, 3),
              channels,
            })
          : t('gating.horizon.steps'),
    };
  };

  return (
    <div className={labStyles.section} data-testid="memory-horizon">
      <h3 className={labStyles.sectionTitle}>{t('gating.horizon.title', { j })}</h3>
      <Readout
        computingText={t('view.computing')}
        items={[
          item('horizon-e', t('gating.horizon.e'), summaries.e),
          item('horizon-pct', t('gating.horizon.pct'), summaries.pct),
        ]}
      />
      <LineChart
        title={t('gating.horizon.chartTitle', { j })}
        series={series}
        xLabel={t('gating.horizon.tAxis')}
        yLabel={t('gating.horizon.yAxis')}
        formatY={(y) => formatNumber(y, 3)}
        height={200}
        testId="horizon-chart"
      />
    </div>
  );
}
