// Pooling a rows×cols matrix to an outRows×outCols raster. Output pixel p
// covers source rows [⌊p·rows/out⌋, max(that + 1, ⌊(p+1)·rows/out⌋)): blocks
// when the matrix is larger than the raster, nearest-cell upsampling when it is
// smaller. The WGSL render pass (src/shaders/view/heatmap.wgsl) uses exactly
// this integer arithmetic, so both paths colour the same pixel the same way.
//
// Modes: 'max' keeps the strongest weight in the block (an attention map's
// sharp peaks survive pooling; this is the attention map's default), 'mean'
// averages it, 'maxabs' keeps the signed value of largest magnitude (diverging
// maps). Cells above the diagonal (key j > query i) are left out under a
// causal mask; a pixel whose whole block is masked is reported as masked.

export type PoolMode = 'max' | 'mean' | 'maxabs';

export interface PoolInput {
  readonly data: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
  readonly outRows: number;
  readonly outCols: number;
  readonly mode: PoolMode;
  /** Skip cells with j > i (query i sees keys j ≤ i). */
  readonly causal: boolean;
}

export interface PoolResult {
  /** outRows×outCols pooled values (0 where masked). */
  readonly values: Float32Array;
  /** 1 where every cell of the pixel's block is masked. */
  readonly masked: Uint8Array;
}

/** First source index of output pixel p along an axis of `size` cells drawn on `out` pixels. */
export function blockStart(p: number, size: number, out: number): number {
  return Math.floor((p * size) / out);
}

/** One past the last source index of output pixel p (always at least one cell). */
export function blockEnd(p: number, size: number, out: number): number {
  return Math.max(blockStart(p, size, out) + 1, Math.floor(((p + 1) * size) / out));
}

/** Raster size for a matrix on a canvas of at most `maxPixels` per side: never more pixels than cells. */
export function rasterSize(
  rows: number,
  cols: number,
  maxPixels: number,
): { outRows: number; outCols: number } {
  return { outRows: Math.max(1, Math.min(rows, maxPixels)), outCols: Math.max(1, Math.min(cols, maxPixels)) };
}

export function poolMatrix(input: PoolInput): PoolResult {
  const { data, rows, cols, outRows, outCols, mode, causal } = input;
  if (data.length < rows * cols) throw new Error(`pool: ${data.length} values for a ${rows}×${cols} matrix`);
  const values = new Float32Array(outRows * outCols);
  const masked = new Uint8Array(outRows * outCols);
  const colStart = new Int32Array(outCols);
  const colEnd = new Int32Array(outCols);
  for (let x = 0; x < outCols; x++) {
    colStart[x] = blockStart(x, cols, outCols);
    colEnd[x] = blockEnd(x, cols, outCols);
  }
  for (let y = 0; y < outRows; y++) {
    const r0 = blockStart(y, rows, outRows);
    const r1 = blockEnd(y, rows, outRows);
    for (let x = 0; x < outCols; x++) {
      const c0 = colStart[x];
      const c1 = colEnd[x];
      let count = 0;
      let acc = mode === 'max' ? -Infinity : 0;
      for (let r = r0; r < r1; r++) {
        // Under a causal mask row r keeps columns ≤ r only.
        const last = causal ? Math.min(c1, r + 1) : c1;
        const base = r * cols;
        for (let c = c0; c < last; c++) {
          const v = data[base + c];
          count++;
          if (mode === 'max') {
            if (v > acc) acc = v;
          } else if (mode === 'mean') {
            acc += v;
          } else if (Math.abs(v) > Math.abs(acc)) {
            acc = v;
          }
        }
      }
      const index = y * outCols + x;
      if (count === 0) {
        masked[index] = 1;
      } else {
        values[index] = mode === 'mean' ? acc / count : acc;
      }
    }
  }
  return { values, masked };
}
