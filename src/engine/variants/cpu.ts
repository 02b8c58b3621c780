// Shared pieces of the float64 CPU references: one head's data as they see it
// (the CPU engine, ../cpu.ts, slices every head out of the heads×n×d inputs
// without copying) and the two row operations every form uses.

export interface HeadData {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  /** n×dk, row-major. */
  readonly q: Float64Array;
  /** n×dk, row-major. */
  readonly k: Float64Array;
  /** n×dv, row-major. */
  readonly v: Float64Array;
}

/** What one form of a variant returns for one head. */
export interface HeadResult {
  /** n×dv, row-major. */
  readonly o: Float64Array;
  /** The variant's final state for this head, where it has one. */
  readonly state?: Float64Array;
}

/** Dot product of row i of a (width d) with row j of b (width d). */
export function rowDot(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let sum = 0;
  const ai = i * d;
  const bj = j * d;
  for (let c = 0; c < d; c++) sum += a[ai + c] * b[bj + c];
  return sum;
}

/** out[row i] += weight · src[row j], rows of width d. */
export function addScaledRow(
  out: Float64Array,
  i: number,
  src: Float64Array,
  j: number,
  weight: number,
  d: number,
): void {
  const oi = i * d;
  const sj = j * d;
  for (let c = 0; c < d; c++) out[oi + c] += weight * src[sj + c];
}
