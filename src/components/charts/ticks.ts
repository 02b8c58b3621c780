// Tick values for chart axes: linear ticks from d3, and for log axes the
// powers of the base (thinned so labels never crowd).
import { scaleLinear, scaleLog } from 'd3-scale';

export type AxisKind = 'lin' | 'log2' | 'log10';

export function axisScale(kind: AxisKind, domain: [number, number], range: [number, number]) {
  if (kind === 'lin') return scaleLinear().domain(domain).range(range);
  return scaleLog()
    .base(kind === 'log2' ? 2 : 10)
    .domain(domain)
    .range(range);
}

/** Tick values inside [lo, hi]: at most about `count` of them. */
export function axisTicks(kind: AxisKind, lo: number, hi: number, count: number): number[] {
  if (kind === 'lin') return scaleLinear().domain([lo, hi]).ticks(count);
  const base = kind === 'log2' ? 2 : 10;
  const first = Math.ceil(Math.log(lo) / Math.log(base) - 1e-9);
  const last = Math.floor(Math.log(hi) / Math.log(base) + 1e-9);
  const powers: number[] = [];
  for (let e = first; e <= last; e++) powers.push(Math.pow(base, e));
  if (powers.length < 2) {
    // A narrow log domain holds at most one power of the base: use d3's 1–9 multiples instead.
    const ticks = scaleLog().base(base).domain([lo, hi]).ticks(count);
    const step = Math.max(1, Math.ceil(ticks.length / count));
    return ticks.length > 0 ? ticks.filter((_, i) => i % step === 0) : [lo, hi];
  }
  const stride = Math.max(1, Math.ceil(powers.length / count));
  return powers.filter((_, i) => i % stride === 0);
}

/** A domain that contains every value, padded on log axes to whole half-decades of margin. */
export function extent(values: readonly number[], kind: AxisKind): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v) && (kind === 'lin' || v > 0));
  if (finite.length === 0) return kind === 'lin' ? [0, 1] : [1, 10];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (kind === 'lin') {
    lo = Math.min(0, lo);
    if (hi === lo) hi = lo + 1;
    return [lo, hi];
  }
  if (hi === lo) {
    lo /= 2;
    hi *= 2;
  }
  return [lo / 1.25, hi * 1.25];
}
