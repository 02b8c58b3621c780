// Summary of repeated measurements (seeds) for error bars.

export interface SampleStats {
  readonly mean: number;
  /** Sample standard deviation (divides by count − 1); 0 for a single sample. */
  readonly std: number;
  readonly min: number;
  readonly max: number;
  readonly values: Float64Array;
}

export function sampleStats(values: ArrayLike<number>): SampleStats {
  const count = values.length;
  if (count === 0) throw new RangeError('no samples');
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    sum += values[i];
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  const mean = sum / count;
  let sq = 0;
  for (let i = 0; i < count; i++) sq += (values[i] - mean) ** 2;
  return {
    mean,
    std: count > 1 ? Math.sqrt(sq / (count - 1)) : 0,
    min,
    max,
    values: Float64Array.from(values),
  };
}
