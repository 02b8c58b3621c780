// MatrixHandle helpers: what views draw, for host data. The GPU engine makes
// its own handles (gpu/engine.ts) over the buffers it keeps.
import { EngineError, type MatrixHandle } from './types';

/** Wraps a host row-major matrix as a MatrixHandle (min, max, maxAbs computed once). */
export function hostMatrix(data: Float64Array | Float32Array, rows: number, cols: number): MatrixHandle {
  if (data.length !== rows * cols) {
    throw new EngineError(`matrix data has ${data.length} entries, expected ${rows}×${cols}`);
  }
  let minValue = Infinity;
  let maxValue = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (x < minValue) minValue = x;
    if (x > maxValue) maxValue = x;
  }
  if (data.length === 0) minValue = maxValue = 0;
  return {
    rows,
    cols,
    minValue,
    maxValue,
    maxAbs: Math.max(Math.abs(minValue), Math.abs(maxValue)),
    host: data,
    at: async (i, j) => {
      if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= rows || j >= cols) {
        throw new EngineError(`(${i}, ${j}) is outside the ${rows}×${cols} matrix`);
      }
      return data[i * cols + j];
    },
  };
}
