import { describe, expect, it } from 'vitest';
import { blockEnd, blockStart, poolMatrix, rasterSize, type PoolMode } from './pool';

/** Brute force: for every source cell find its pixel by the same interval rule, then reduce. */
function referencePool(
  data: number[],
  rows: number,
  cols: number,
  outRows: number,
  outCols: number,
  mode: PoolMode,
  causal: boolean,
): { values: number[]; masked: boolean[] } {
  const buckets: number[][] = Array.from({ length: outRows * outCols }, () => []);
  for (let y = 0; y < outRows; y++) {
    for (let x = 0; x < outCols; x++) {
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const inRow = r >= Math.floor((y * rows) / outRows) && r < blockEnd(y, rows, outRows);
          const inCol = c >= Math.floor((x * cols) / outCols) && c < blockEnd(x, cols, outCols);
          if (inRow && inCol && !(causal && c > r)) buckets[y * outCols + x].push(data[r * cols + c]);
        }
      }
    }
  }
  const values = buckets.map((b) => {
    if (b.length === 0) return 0;
    if (mode === 'max') return Math.max(...b);
    if (mode === 'mean') return b.reduce((s, v) => s + v, 0) / b.length;
    return b.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0);
  });
  return { values, masked: buckets.map((b) => b.length === 0) };
}

function seededData(count: number, seed: number, signed: boolean): number[] {
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    const u = s / 2147483648;
    return signed ? 2 * u - 1 : u;
  });
}

describe('poolMatrix', () => {
  it('covers every row exactly once when shrinking and repeats rows when enlarging', () => {
    for (const [size, out] of [
      [10, 3],
      [7, 7],
      [5, 12],
      [1000, 512],
    ]) {
      let covered = 0;
      for (let p = 0; p < out; p++) {
        expect(blockEnd(p, size, out)).toBeGreaterThan(blockStart(p, size, out));
        if (out <= size) covered += blockEnd(p, size, out) - blockStart(p, size, out);
      }
      if (out <= size) expect(covered).toBe(size);
    }
  });

  for (const mode of ['max', 'mean', 'maxabs'] as const) {
    for (const causal of [false, true]) {
      it(`matches brute force (${mode}, causal=${causal}) for shrinking, equal and enlarging rasters`, () => {
        for (const [rows, cols, outRows, outCols] of [
          [9, 9, 4, 4],
          [16, 16, 5, 7],
          [6, 6, 6, 6],
          [5, 5, 13, 11],
          [12, 8, 3, 8],
        ]) {
          const data = seededData(rows * cols, rows * 31 + outCols, mode === 'maxabs');
          const got = poolMatrix({ data, rows, cols, outRows, outCols, mode, causal });
          const want = referencePool(data, rows, cols, outRows, outCols, mode, causal);
          for (let i = 0; i < outRows * outCols; i++) {
            expect(got.masked[i] === 1).toBe(want.masked[i]);
            expect(got.values[i]).toBeCloseTo(want.values[i], 6);
          }
        }
      });
    }
  }

  it('masks the pixels strictly above the diagonal and keeps the diagonal blocks', () => {
    const data = new Array(64).fill(1);
    const { masked } = poolMatrix({
      data,
      rows: 8,
      cols: 8,
      outRows: 4,
      outCols: 4,
      mode: 'max',
      causal: true,
    });
    expect(Array.from(masked)).toEqual([0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('max pooling keeps a single spike that mean pooling dilutes', () => {
    const data = new Array(16 * 16).fill(0);
    data[5 * 16 + 3] = 1;
    const max = poolMatrix({ data, rows: 16, cols: 16, outRows: 4, outCols: 4, mode: 'max', causal: false });
    const mean = poolMatrix({
      data,
      rows: 16,
      cols: 16,
      outRows: 4,
      outCols: 4,
      mode: 'mean',
      causal: false,
    });
    expect(max.values[1 * 4 + 0]).toBe(1);
    expect(mean.values[1 * 4 + 0]).toBeCloseTo(1 / 16, 7);
  });

  it('never makes a raster larger than the matrix', () => {
    expect(rasterSize(300, 300, 512)).toEqual({ outRows: 300, outCols: 300 });
    expect(rasterSize(4096, 4096, 512)).toEqual({ outRows: 512, outCols: 512 });
  });
});
