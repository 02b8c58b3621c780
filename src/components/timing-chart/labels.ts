// Slope labels at the right end of each curve: pushed apart vertically so two
// curves ending close together keep readable labels.

/** Positions as close to `wanted` as possible, at least `gap` apart, inside [min, max]. */
export function spreadLabels(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((y, index) => ({ y, index })).sort((p, q) => p.y - q.y);
  const placed = order.map((p) => Math.min(max, Math.max(min, p.y)));
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i], placed[i - 1] + gap);
  // If the stack ran past the bottom, push it back up.
  if (placed.length && placed[placed.length - 1] > max) {
    placed[placed.length - 1] = max;
    for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i], placed[i + 1] - gap);
  }
  const result = new Array<number>(wanted.length);
  order.forEach((p, k) => (result[p.index] = placed[k]));
  return result;
}
