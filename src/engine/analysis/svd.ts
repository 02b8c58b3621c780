// Singular values of a dense matrix (attention maps up to 1024×1024, φ(Q) and
// φ(K) of n×r), without singular vectors: Householder bidiagonalisation then
// implicitly shifted bidiagonal QR, in float64. Unlike eigenvalues of AᵀA,
// this keeps small singular values accurate to about eps·σ_max rather than
// √eps·σ_max, which matters for the tail of a log-scale spectrum.
//
// Why not a library: ml-matrix's SingularValueDecomposition (JAMA's algorithm
// on arrays of arrays, vectors switched off) took 1.0 s at 512×512 and 14.6 s
// at 1024×1024 on the project's 2-core machine, several times this module
// (bench-results/spectrum-*.json); see the README.
//
// Two drivers share one step generator: `singularValues` runs to the end
// (synchronously, for tests and tools), `singularValuesAsync` gives the event
// loop a turn every few tens of milliseconds so that, inside a Worker, an
// abort message can arrive and be acted on while the spectrum is computed.
import { bidiagonalize } from './bidiagonalize';
import { bidiagonalSingularValues } from './bidiagonalQr';
import { checkedDense, type DenseMatrix } from './dense';
import { eventLoopTurns, progressReporter, throwIfCancelled, type ProgressOptions } from './turns';

export interface AsyncProgressOptions extends ProgressOptions {
  /** Longest stretch of computation between two turns of the event loop (default 40 ms). */
  readonly sliceMs?: number;
}

/** Share of the progress bar given to the O(n³) bidiagonalisation; the QR phase is O(n²). */
const BIDIAGONAL_SHARE = 0.98;

/** Singular values of `matrix`, descending, min(rows, cols) of them. */
export function singularValues(matrix: DenseMatrix, options: ProgressOptions = {}): Float64Array {
  const steps = spectrumSteps(matrix, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** As `singularValues`, giving the event loop a turn every `sliceMs` so cancellation can arrive. */
export async function singularValuesAsync(
  matrix: DenseMatrix,
  options: AsyncProgressOptions = {},
): Promise<Float64Array> {
  const steps = spectrumSteps(matrix, options);
  const turns = eventLoopTurns(options.sliceMs ?? 40);
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      await turns.maybeYield();
    }
  } finally {
    turns.close();
  }
}

function* spectrumSteps(matrix: DenseMatrix, options: ProgressOptions): Generator<void, Float64Array, void> {
  const { rows, cols, data } = checkedDense(matrix);
  throwIfCancelled(options);
  const report = progressReporter(options);
  report(0);
  // Work on the orientation with rows ≥ cols (same singular values).
  const tall = rows >= cols;
  const m = tall ? rows : cols;
  const n = tall ? cols : rows;
  const work = new Float64Array(m * n);
  if (tall) {
    for (let i = 0; i < data.length; i++) work[i] = data[i];
  } else {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) work[j * rows + i] = data[i * cols + j];
    }
  }
  const reduction = bidiagonalize(work, m, n);
  let next = reduction.next();
  while (!next.done) {
    report(BIDIAGONAL_SHARE * next.value);
    throwIfCancelled(options);
    yield;
    next = reduction.next();
  }
  const values = bidiagonalSingularValues(next.value.d, next.value.e);
  report(1);
  return values;
}
