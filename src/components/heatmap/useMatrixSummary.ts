// The numbers behind the heatmap's text alternative. A host matrix is
// summarised at once; a GPU matrix on the device (4 floats per row come back),
// once the map has stayed the same for a moment: never on the drag's critical
// path.
import { useEffect, useMemo, useState } from 'react';
import type { MatrixHandle } from '../../engine';
import { summarizeOnGpu } from './gpuSummary';
import { summarizeMatrix, type MatrixSummary } from './summary';

/** Quiet time before a GPU matrix is summarised for the text alternative. */
const SUMMARY_DELAY_MS = 500;

/** The summary of `matrix`, or null while a GPU matrix's summary is not back yet. */
export function useMatrixSummary(matrix: MatrixHandle | null, pending: boolean): MatrixSummary | null {
  const hostSummary = useMemo(
    () => (matrix?.host ? summarizeMatrix(matrix.host, matrix.rows, matrix.cols) : null),
    [matrix],
  );
  const [gpuSummary, setGpuSummary] = useState<{ matrix: MatrixHandle; summary: MatrixSummary } | null>(null);
  useEffect(() => {
    // While a newer matrix computes, its map comes first: this one's summary would only queue ahead of it.
    if (!matrix?.gpu || matrix.host || pending) return;
    const handle = matrix;
    const gpuMatrix = matrix.gpu;
    let cancelled = false;
    const timer = setTimeout(() => {
      summarizeOnGpu(gpuMatrix.device, {
        buffer: gpuMatrix.buffer,
        offset: gpuMatrix.offset,
        rows: handle.rows,
        cols: handle.cols,
      })
        .then((summary) => {
          if (!cancelled) setGpuSummary({ matrix: handle, summary });
        })
        .catch(() => {
          // The buffer was released for a newer matrix: that one gets its own summary.
        });
    }, SUMMARY_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [matrix, pending]);
  return hostSummary ?? (gpuSummary && gpuSummary.matrix === matrix ? gpuSummary.summary : null);
}
