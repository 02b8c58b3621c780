// The host matrix every analysis takes: rows×cols, row-major. The engine's
// MatrixHandle carries one when it lives on the host (CPU backend); a
// GPU-resident handle must be read back by its owner first.
import { EngineError, type MatrixHandle } from '../types';

export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  /** rows×cols entries, row-major. */
  readonly data: ArrayLike<number>;
}

/** The host data of a MatrixHandle (throws for a GPU-resident handle, which has none). */
export function denseFromHandle(handle: MatrixHandle): DenseMatrix {
  if (!handle.host) {
    throw new EngineError(
      `the ${handle.rows}×${handle.cols} matrix is on the GPU; read it back before analysing it`,
    );
  }
  return checkedDense({ rows: handle.rows, cols: handle.cols, data: handle.host });
}

/** Checks shape and finiteness: the algorithms here would loop or return NaN otherwise. */
export function checkedDense(matrix: DenseMatrix): DenseMatrix {
  const { rows, cols, data } = matrix;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new EngineError(`matrix shape must be non-negative integers (got ${rows}×${cols})`);
  }
  if (data.length !== rows * cols) {
    throw new EngineError(`matrix data has ${data.length} entries, expected ${rows}×${cols}`);
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new EngineError(`matrix entry ${i} (row ${Math.floor(i / cols)}) is not finite`);
    }
  }
  return matrix;
}
