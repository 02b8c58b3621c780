// Least-squares line through (log n, log time): its slope is the empirical
// exponent of the curve (≈ 2 for an n² kernel once the device is busy, ≈ 1
// for a linear one; flatter at small n where launch overhead dominates).
export interface LogLogFit {
  readonly slope: number;
  /** log10 time at n = 1. */
  readonly intercept: number;
  /** Coefficient of determination of the fit in log space. */
  readonly r2: number;
  readonly points: number;
}

export function fitLogLog(points: readonly { readonly n: number; readonly ms: number }[]): LogLogFit | null {
  const usable = points.filter((p) => p.n > 0 && p.ms > 0 && Number.isFinite(p.ms));
  if (usable.length < 2) return null;
  const xs = usable.map((p) => Math.log10(p.n));
  const ys = usable.map((p) => Math.log10(p.ms));
  const meanX = xs.reduce((s, v) => s + v, 0) / xs.length;
  const meanY = ys.reduce((s, v) => s + v, 0) / ys.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
    syy += (ys[i] - meanY) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return {
    slope,
    intercept: meanY - slope * meanX,
    r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy),
    points: usable.length,
  };
}
