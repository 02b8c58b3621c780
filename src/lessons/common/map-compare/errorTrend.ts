// How an error falls with the number of random features m, for the Performer
// sweep's readout and reference line.
import { leastSquaresSlope } from '../../../components/lab/leastSquares';

/**
 * c of the reference line c/√m through the point of largest m, where the
 * estimator's variance term (∝ 1/m) should dominate: how the error would fall
 * from there on if it followed the 1/√m law.
 */
export function inverseSqrtAnchor(points: readonly { m: number; error: number }[]): number {
  let anchor: { m: number; error: number } | undefined;
  for (const point of points) if (!anchor || point.m > anchor.m) anchor = point;
  return anchor ? anchor.error * Math.sqrt(anchor.m) : 0;
}

/**
 * Slope of ln(error) against ln(m) by ordinary least squares: −1/2 is the
 * 1/√m trend.
 */
export function logLogSlope(points: readonly { m: number; error: number }[]): number {
  const usable = points.filter((point) => point.error > 0);
  if (usable.length < 2) return NaN;
  const xs = usable.map((point) => Math.log(point.m));
  const ys = usable.map((point) => Math.log(point.error));
  return leastSquaresSlope(xs, ys);
}
