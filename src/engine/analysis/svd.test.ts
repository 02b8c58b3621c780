import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { singularValues, singularValuesAsync } from './svd';
import { positiveFeatures, productWithTranspose, withSingularValues } from './testMatrices';

function maxAbsError(actual: ArrayLike<number>, expected: readonly number[]): number {
  expect(actual.length).toBe(expected.length);
  let max = 0;
  for (let i = 0; i < expected.length; i++) max = Math.max(max, Math.abs(actual[i] - expected[i]));
  return max;
}

describe('singularValues', () => {
  it('returns |diagonal| sorted descending for a diagonal matrix, tall and wide', () => {
    // 5×3 row-major with diagonal (0, −5, 2).
    const tall = [0, 0, 0, 0, -5, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0];
    expect(Array.from(singularValues({ rows: 5, cols: 3, data: tall }))).toEqual([5, 2, 0]);
    const wide = [3, 0, 0, 0, 0, 0, 0.5, 0, 0, 0];
    expect(Array.from(singularValues({ rows: 2, cols: 5, data: wide }))).toEqual([3, 0.5]);
    expect(Array.from(singularValues({ rows: 1, cols: 1, data: [-7] }))).toEqual([7]);
    expect(singularValues({ rows: 0, cols: 4, data: [] }).length).toBe(0);
  });

  it('gives the norm of a vector and zeros for the zero matrix', () => {
    expect(Array.from(singularValues({ rows: 2, cols: 1, data: [3, 4] }))).toEqual([5]);
    expect(Array.from(singularValues({ rows: 1, cols: 2, data: [-3, 4] }))).toEqual([5]);
    expect(Array.from(singularValues({ rows: 3, cols: 3, data: new Float64Array(9) }))).toEqual([0, 0, 0]);
  });

  it('recovers σ of U·diag(σ)·Vᵀ to eps·σ_max, including the 1e-12 tail that AᵀA would lose', () => {
    const sigma = Array.from({ length: 30 }, (_, i) => 10 ** (-12 * (i / 29)));
    const a = withSingularValues(40, 30, sigma, 7);
    const values = singularValues(a);
    // Eigenvalues of AᵀA resolve σ² only to eps·σ_max², i.e. σ to ~1e-8: this bound would fail.
    expect(maxAbsError(values, sigma)).toBeLessThan(1e-14);
    expect(values[29] / 1e-12).toBeGreaterThan(0.99);
    expect(values[29] / 1e-12).toBeLessThan(1.01);
    // Transposed input: same values.
    const t = new Float64Array(30 * 40);
    for (let i = 0; i < 40; i++) for (let j = 0; j < 30; j++) t[j * 40 + i] = a.data[i * 30 + j];
    expect(maxAbsError(singularValues({ rows: 30, cols: 40, data: t }), sigma)).toBeLessThan(1e-14);
  });

  it('gives the closed form of the lower-triangular ones matrix (the causal mask of an all-ones map)', () => {
    // σ_k = 1 / (2 sin((2k − 1)π / (2(2n + 1)))), k = 1..n: full rank, although ones·onesᵀ has rank 1.
    const n = 50;
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) data[i * n + j] = 1;
    const expected = Array.from(
      { length: n },
      (_, k) => 1 / (2 * Math.sin(((2 * k + 1) * Math.PI) / (2 * (2 * n + 1)))),
    );
    expect(maxAbsError(singularValues({ rows: n, cols: n, data }), expected)).toBeLessThan(1e-12);
    data.fill(1);
    const ones = singularValues({ rows: n, cols: n, data });
    expect(ones[0]).toBeCloseTo(n, 12);
    expect(Math.max(...ones.subarray(1))).toBeLessThan(1e-12);
  });

  it('shows rank ≤ r for φ(Q)φ(K)ᵀ with r = 4 features', () => {
    const n = 64;
    const r = 4;
    const map = productWithTranspose(positiveFeatures(n, r, 3, 0), positiveFeatures(n, r, 3, 1), n, n, r);
    const values = singularValues(map);
    expect(values[r - 1] / values[0]).toBeGreaterThan(1e-3);
    expect(values[r] / values[0]).toBeLessThan(1e-14);
  });

  it('agrees with ml-matrix on a random rectangular matrix', () => {
    const rows = 70;
    const cols = 45;
    const data = positiveFeatures(rows, cols, 11, 5).map((x) => x - 0.4);
    const reference = new SingularValueDecomposition(
      new Matrix(Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)))),
      { computeLeftSingularVectors: false, computeRightSingularVectors: false },
    ).diagonal;
    expect(maxAbsError(singularValues({ rows, cols, data }), reference)).toBeLessThan(1e-12);
  });

  it('rejects non-finite entries and wrong lengths', () => {
    expect(() => singularValues({ rows: 2, cols: 2, data: [1, NaN, 0, 1] })).toThrow(/not finite/);
    expect(() => singularValues({ rows: 2, cols: 2, data: [1, 0, 0] })).toThrow(/3 entries/);
  });
});

describe('progress and cancellation', () => {
  const matrix = { rows: 120, cols: 100, data: positiveFeatures(120, 100, 1, 9) };

  it('reports increasing fractions from 0 to 1', () => {
    const fractions: number[] = [];
    singularValues(matrix, { onProgress: (f) => fractions.push(f) });
    expect(fractions[0]).toBe(0);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions.length).toBeGreaterThan(10);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThan(fractions[i - 1]);
  });

  it('stops with an AbortError when shouldCancel turns true', () => {
    let calls = 0;
    const seen: number[] = [];
    const run = () =>
      singularValues(matrix, { shouldCancel: () => ++calls > 5, onProgress: (f) => seen.push(f) });
    expect(run).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(Math.max(...seen)).toBeLessThan(0.5);
  });

  it('async: an abort during the computation rejects, and an untouched run resolves to the sync values', async () => {
    const big = { rows: 400, cols: 400, data: positiveFeatures(400, 400, 2, 0) };
    const controller = new AbortController();
    const fractions: number[] = [];
    const pending = singularValuesAsync(big, {
      signal: controller.signal,
      sliceMs: 1,
      onProgress: (f) => {
        fractions.push(f);
        if (f > 0.2) controller.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Math.max(...fractions)).toBeLessThan(0.5);
    const values = await singularValuesAsync(matrix, { sliceMs: 0 });
    expect(Array.from(values)).toEqual(Array.from(singularValues(matrix)));
  });

  it('async: an abort from a timer (another task) is seen between slices', async () => {
    const big = { rows: 500, cols: 500, data: positiveFeatures(500, 500, 4, 0) };
    const controller = new AbortController();
    let last = 0;
    setTimeout(() => controller.abort(), 20);
    await expect(
      singularValuesAsync(big, { signal: controller.signal, sliceMs: 5, onProgress: (f) => (last = f) }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(last).toBeLessThan(1);
  });
});
