// Golub–Kahan Householder bidiagonalisation (Golub & Van Loan, Matrix
// Computations, 4th ed., Alg. 5.4.2), singular values only: the reflectors are
// applied to the matrix and thrown away. This is the O(rows·cols²) part of the
// spectrum; the bidiagonal QR that follows is O(cols²).
//
// Layout for speed in plain JavaScript: row-major Float64Array, every inner
// loop runs along a row, and each step reads the trailing matrix once. Step k
// needs w = τ·vᵀA (v: the left reflector of column k); instead of a separate
// pass, step k − 1 accumulates Σ x_i·A_i over the rows it has just finished
// (x: column k before it becomes v), and v = x scaled, so w follows from that
// sum once the reflector's scale is known. Per row of step k: apply the left
// reflector, the right reflector, and add the row into the next step's sum,
// while the row sits in L1 cache.
import { makeReflector } from './householder';

export interface Bidiagonal {
  /** Diagonal, length cols. */
  readonly d: Float64Array;
  /** Superdiagonal e[k] = B[k][k+1], length cols (the last entry is 0). */
  readonly e: Float64Array;
}

/**
 * Reduces `work` (rows×cols row-major, rows ≥ cols; overwritten) to upper
 * bidiagonal form with the same singular values. Yields the fraction of the
 * floating-point work done after each column, so a driver can report progress
 * and stop between columns.
 */
export function* bidiagonalize(
  work: Float64Array,
  rows: number,
  cols: number,
): Generator<number, Bidiagonal, void> {
  if (rows < cols) throw new RangeError(`bidiagonalize needs rows ≥ cols (got ${rows}×${cols})`);
  const n = cols;
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const v = new Float64Array(rows);
  const u = new Float64Array(n);
  const w = new Float64Array(n);
  const sum = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) total += (rows - k) * (n - k);
  let done = 0;

  // Step 0's sum Σ_{i≥1} x_i·A_i over columns 1..n−1 (later steps get theirs for free).
  for (let i = 0; i < rows; i++) v[i] = work[i * n];
  for (let i = 1; i < rows; i++) axpy(sum, v[i], work, i * n + 1, n - 1);

  for (let k = 0; k < n; k++) {
    const len = rows - k;
    const width = n - k - 1;
    // v holds column k (rows k..) and sum = Σ_{i>0} v_i·A_{k+i} over columns k+1.. .
    const left = makeReflector(v, len);
    d[k] = left.beta;
    if (width === 0) {
      done += len;
      yield 1;
      break;
    }
    const tau = left.tau;
    const rowK = k * n + k + 1;
    if (tau !== 0) {
      // w = τ·(A_k + s·Σ x_i A_i), s = the reflector's tail scale; row k gets its update now.
      const scale = left.tailScale;
      for (let j = 0; j < width; j++) {
        w[j] = tau * (work[rowK + j] + scale * sum[j]);
        work[rowK + j] -= w[j];
      }
    }
    for (let j = 0; j < width; j++) u[j] = work[rowK + j];
    const right = makeReflector(u, width);
    e[k] = right.beta;
    const tauRight = right.tau;
    // Rows below k: left reflector, right reflector, then feed the next step.
    sum.fill(0, 0, width - 1);
    for (let i = 1; i < len; i++) {
      const base = (k + i) * n + k + 1;
      // Left reflector and the right reflector's dot product in one loop.
      const s = tauRight * updateAndDot(work, base, tau === 0 ? 0 : v[i], w, u, width);
      // Right reflector, then (below the next step's first row) the next step's sum.
      const x = work[base] - s * u[0];
      work[base] = x;
      v[i - 1] = x;
      if (i > 1) updateAndAccumulate(work, base, s, u, sum, x, width);
      else if (s !== 0) axpy(work, -s, u, 1, width - 1, base + 1);
    }
    done += len * (n - k);
    yield done / total;
  }
  return { d, e };
}

/** target[targetBase + j] += a·source[sourceBase + j] for j < count. */
function axpy(
  target: Float64Array,
  a: number,
  source: Float64Array,
  sourceBase: number,
  count: number,
  targetBase = 0,
): void {
  for (let j = 0; j < count; j++) target[targetBase + j] += a * source[sourceBase + j];
}

/**
 * row[base + j] −= vi·w[j], returning Σ_j row[base + j]·u[j] of the updated
 * row (four partial sums, see rowDot).
 */
function updateAndDot(
  row: Float64Array,
  base: number,
  vi: number,
  w: Float64Array,
  u: Float64Array,
  width: number,
): number {
  if (vi === 0) return rowDot(row, base, u, width);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < width; j += 4) {
    const a = row[base + j] - vi * w[j];
    const b = row[base + j + 1] - vi * w[j + 1];
    const c = row[base + j + 2] - vi * w[j + 2];
    const d = row[base + j + 3] - vi * w[j + 3];
    row[base + j] = a;
    row[base + j + 1] = b;
    row[base + j + 2] = c;
    row[base + j + 3] = d;
    s0 += a * u[j];
    s1 += b * u[j + 1];
    s2 += c * u[j + 2];
    s3 += d * u[j + 3];
  }
  for (; j < width; j++) {
    const a = row[base + j] - vi * w[j];
    row[base + j] = a;
    s0 += a * u[j];
  }
  return s0 + s1 + (s2 + s3);
}

/** For j ≥ 1: row[base + j] −= s·u[j], then sum[j − 1] += x·row[base + j]. */
function updateAndAccumulate(
  row: Float64Array,
  base: number,
  s: number,
  u: Float64Array,
  sum: Float64Array,
  x: number,
  width: number,
): void {
  let j = 1;
  for (; j + 1 < width; j += 2) {
    const a = row[base + j] - s * u[j];
    const b = row[base + j + 1] - s * u[j + 1];
    row[base + j] = a;
    row[base + j + 1] = b;
    sum[j - 1] += x * a;
    sum[j] += x * b;
  }
  for (; j < width; j++) {
    const a = row[base + j] - s * u[j];
    row[base + j] = a;
    sum[j - 1] += x * a;
  }
}

/**
 * Σ_j row[base + j]·u[j] with four partial sums: a single running sum waits
 * on the previous addition (its latency), which made this dot product the
 * slowest loop of the reduction.
 */
function rowDot(row: Float64Array, base: number, u: Float64Array, width: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < width; j += 4) {
    s0 += row[base + j] * u[j];
    s1 += row[base + j + 1] * u[j + 1];
    s2 += row[base + j + 2] * u[j + 2];
    s3 += row[base + j + 3] * u[j + 3];
  }
  for (; j < width; j++) s0 += row[base + j] * u[j];
  return s0 + s1 + (s2 + s3);
}
