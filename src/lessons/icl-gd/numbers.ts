// How lesson 15 prints its float64 numbers: predictions to 6 decimals and
// vectors in parentheses; and the largest elementwise gap the streaming
// readouts report.
import { formatNumber } from '../../components/format';

/** A prediction to 6 decimals (no "−0.000000"). */
export function fixed6(value: number): string {
  const text = value.toFixed(6);
  return /^-0\.0+$/.test(text) ? text.slice(1) : text;
}

export function vector(values: ArrayLike<number>, digits = 4): string {
  return `(${Array.from(values, (x) => formatNumber(x, digits)).join(', ')})`;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}
