// Where two timing curves cross: both are interpolated piecewise-linearly in
// log–log space over the n range they share, and the first sign change of
// their difference is located by linear interpolation in log n.
export interface CurvePoint {
  readonly n: number;
  readonly ms: number;
}

export interface Crossover {
  readonly n: number;
  readonly ms: number;
}

function logInterpolate(points: readonly CurvePoint[], logN: number): number {
  for (let i = 0; i < points.length - 1; i++) {
    const a = Math.log10(points[i].n);
    const b = Math.log10(points[i + 1].n);
    if (logN >= a && logN <= b) {
      const u = b === a ? 0 : (logN - a) / (b - a);
      return Math.log10(points[i].ms) * (1 - u) + Math.log10(points[i + 1].ms) * u;
    }
  }
  return NaN;
}

export function findCrossover(first: readonly CurvePoint[], second: readonly CurvePoint[]): Crossover | null {
  const a = [...first].filter((p) => p.n > 0 && p.ms > 0).sort((p, q) => p.n - q.n);
  const b = [...second].filter((p) => p.n > 0 && p.ms > 0).sort((p, q) => p.n - q.n);
  if (a.length < 2 || b.length < 2) return null;
  const lo = Math.max(Math.log10(a[0].n), Math.log10(b[0].n));
  const hi = Math.min(Math.log10(a[a.length - 1].n), Math.log10(b[b.length - 1].n));
  if (!(hi > lo)) return null;
  const grid = [...new Set([...a, ...b].map((p) => Math.log10(p.n)))]
    .filter((x) => x >= lo && x <= hi)
    .sort((x, y) => x - y);
  let previous: { x: number; diff: number } | null = null;
  for (const x of grid) {
    const diff = logInterpolate(a, x) - logInterpolate(b, x);
    if (!Number.isFinite(diff)) continue;
    if (diff === 0) return { n: 10 ** x, ms: 10 ** logInterpolate(a, x) };
    if (previous && Math.sign(diff) !== Math.sign(previous.diff)) {
      const u = previous.diff / (previous.diff - diff);
      const xc = previous.x + u * (x - previous.x);
      return { n: 10 ** xc, ms: 10 ** logInterpolate(a, xc) };
    }
    previous = { x, diff };
  }
  return null;
}
