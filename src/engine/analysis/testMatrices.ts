// Matrices with known singular values for the analysis tests (test-only helper).
import { createRng } from '../inputs/random';
import type { DenseMatrix } from './dense';

/** A Haar-random n×n orthogonal matrix, row-major: Gram–Schmidt on seeded Gaussian columns. */
export function randomOrthogonal(n: number, seed: number, stream: number): Float64Array {
  const rng = createRng(seed, stream);
  const q = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) column[i] = rng.nextNormal();
    // Two Gram–Schmidt passes keep the columns orthogonal to working precision.
    for (let pass = 0; pass < 2; pass++) {
      for (let prev = 0; prev < c; prev++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i * n + prev] * column[i];
        for (let i = 0; i < n; i++) column[i] -= dot * q[i * n + prev];
      }
    }
    const norm = Math.hypot(...column);
    for (let i = 0; i < n; i++) q[i * n + c] = column[i] / norm;
  }
  return q;
}

/** U·diag(σ)·Vᵀ, rows×cols, with random orthogonal U (rows×rows) and V (cols×cols). */
export function withSingularValues(
  rows: number,
  cols: number,
  sigma: readonly number[],
  seed: number,
): DenseMatrix {
  const u = randomOrthogonal(rows, seed, 1);
  const v = randomOrthogonal(cols, seed, 2);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let k = 0; k < sigma.length; k++) sum += u[i * rows + k] * sigma[k] * v[j * cols + k];
      data[i * cols + j] = sum;
    }
  }
  return { rows, cols, data };
}

/** n×r matrix of seeded values in (0, 1): positive features like elu+1 or exp maps give. */
export function positiveFeatures(n: number, r: number, seed: number, stream: number): Float64Array {
  const rng = createRng(seed, stream);
  return Float64Array.from({ length: n * r }, () => rng.nextFloat());
}

/** A·Bᵀ for row-major A (n×r) and B (m×r). */
export function productWithTranspose(
  a: Float64Array,
  b: Float64Array,
  n: number,
  m: number,
  r: number,
): DenseMatrix {
  const data = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let c = 0; c < r; c++) sum += a[i * r + c] * b[j * r + c];
      data[i * m + j] = sum;
    }
  }
  return { rows: n, cols: m, data };
}
