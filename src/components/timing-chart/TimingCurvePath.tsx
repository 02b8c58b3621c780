// One curve of the timing chart: medians joined by a line, a min–max whisker
// at every point, and the fitted slope printed at the right end (its label
// moved apart from the others' and joined to the curve's end).
import { line } from 'd3-shape';
import { useT } from '../../i18n';
import type { TimingCurve } from './curves';
import { slopeText } from './timingExport';

export function TimingCurvePath({
  curve,
  color,
  x,
  y,
  innerW,
  labelY,
  testId,
}: {
  readonly curve: TimingCurve;
  readonly color: string;
  readonly x: (n: number) => number;
  readonly y: (ms: number) => number;
  readonly innerW: number;
  /** Where the slope label sits, after spreading the labels apart. */
  readonly labelY: number;
  readonly testId: string;
}) {
  const t = useT();
  const path = line<{ readonly n: number; readonly ms: number }>()
    .x((p) => x(p.n))
    .y((p) => y(p.ms));
  const last = curve.points[curve.points.length - 1];
  return (
    <g data-curve={curve.id} data-slope={curve.fit?.slope.toFixed(3)}>
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
        y2={labelY}
        stroke={color}
        strokeOpacity={0.35}
      />
      <text
        x={innerW + 6}
        y={labelY}
        dy="0.32em"
        fill={color}
        fontWeight={600}
        data-testid={`${testId}-slope`}
      >
        {t('timing.slopeLabel', { slope: slopeText(curve.fit?.slope) })}
      </text>
    </g>
  );
}
