// Lesson 13's loss over the fit's steps on a log axis, thinned to at most
// CURVE_POINTS points (older steps evenly).
import { useMemo } from 'react';
import { LineChart } from '../../components/charts/LineChart';
import { useT } from '../../i18n';
import type { FitView } from './useFit';

/** Most points the loss curve draws (older steps are thinned evenly). */
const CURVE_POINTS = 800;

/** Axis ticks of the log loss curve: powers of ten need no four digits. */
function tick(value: number): string {
  return value.toExponential(value === 10 ** Math.round(Math.log10(value)) ? 0 : 2);
}

export function LossCurve({
  history,
  lossName,
  step,
}: {
  readonly history: FitView['history'];
  readonly lossName: string;
  readonly step: number | null;
}) {
  const t = useT();
  const curve = useMemo(() => {
    const points = history.filter((p) => p !== undefined && p.loss > 0);
    const stride = Math.max(1, Math.ceil(points.length / CURVE_POINTS));
    const kept = points.filter((_, i) => i % stride === 0 || i === points.length - 1);
    return kept.map((p) => ({ x: p.step, y: p.loss }));
  }, [history]);
  return (
    <LineChart
      title={t('linearise.curve.title', { loss: lossName })}
      series={[{ id: 'loss', label: lossName, points: curve }]}
      xLabel={t('linearise.curve.x')}
      yLabel={t('linearise.curve.y')}
      yAxis="log10"
      formatY={tick}
      formatX={(x) => String(Math.round(x))}
      markerX={step ?? undefined}
      testId="fit-loss-chart"
    />
  );
}
