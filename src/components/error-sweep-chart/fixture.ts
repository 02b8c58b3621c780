// Performer's error against m as lesson 3 shows it: three points, each the
// spread of its error over three seeds, and the c/√m reference.
import type { PerformerSweepPoint } from '../../engine';
import type { ErrorSweepChartProps } from './ErrorSweepChart';

const stats = (mean: number) => ({
  mean,
  std: mean / 10,
  min: mean * 0.9,
  max: mean * 1.1,
  values: new Float64Array([mean * 0.9, mean, mean * 1.1]),
});
const point = (m: number, error: number): PerformerSweepPoint => ({
  m,
  relativeFrobenius: stats(error),
  meanRowKl: stats(error / 10),
  maxOutputError: stats(error / 2),
});

export const errorSweepFixture: ErrorSweepChartProps = {
  title: 'Error against m',
  points: [point(16, 0.5), point(64, 0.25), point(256, 0.125)],
  fit: 2,
  markerM: 64,
  testId: 'sweep-chart',
};
