// Grids that sliders move over. Sizes such as n are most useful on a log
// scale: a "1, 1.5, 2, 3, 4, 6, 8" ladder per decade of two keeps both ends
// reachable in a few steps and lands on powers of two.

/** Powers of two and the midpoints 1.5·2^k inside [min, max], plus min and max themselves. */
export function logGrid(min: number, max: number): number[] {
  const values = new Set<number>([min, max]);
  for (let p = 1; p <= max; p *= 2) {
    if (p >= min) values.add(p);
    const mid = p * 1.5;
    if (Number.isInteger(mid) && mid >= min && mid <= max) values.add(mid);
  }
  return [...values].sort((a, b) => a - b);
}

/** Powers of two inside [min, max]. */
export function powersOfTwo(min: number, max: number): number[] {
  const values: number[] = [];
  for (let p = 1; p <= max; p *= 2) if (p >= min) values.push(p);
  return values;
}

/** Index of the grid value nearest to `value` (in log distance for positive grids). */
export function nearestIndex(values: readonly number[], value: number): number {
  let best = 0;
  let bestDistance = Infinity;
  const useLog = values.length > 0 && values[0] > 0 && value > 0;
  for (let i = 0; i < values.length; i++) {
    const distance = useLog ? Math.abs(Math.log(values[i]) - Math.log(value)) : Math.abs(values[i] - value);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  }
  return best;
}

/** Decimals needed to show a step (0.05 → 2). */
export function stepDecimals(step: number): number {
  if (step >= 1) return 0;
  return Math.min(6, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)));
}
