// The heatmap's words: the text alternative that describes the whole map, and
// the note that says how raster pixels pool the matrix's cells.
import type { MatrixHandle } from '../../engine';
import type { Translate } from '../../i18n';
import { formatNumber } from '../format';
import type { PoolMode } from './pool';
import type { MatrixSummary } from './summary';

export interface MatrixNames {
  readonly rowName: string;
  readonly colName: string;
  readonly valueLabel: string;
}

export function describeMatrix(
  t: Translate,
  matrix: MatrixHandle | null,
  summary: MatrixSummary | null,
  unavailable: boolean,
  { rowName, colName, valueLabel }: MatrixNames,
): string {
  if (!matrix) return t(unavailable ? 'heatmap.unavailable' : 'view.computing');
  if (summary)
    return t('heatmap.summary', {
      rows: matrix.rows,
      cols: matrix.cols,
      value: valueLabel,
      max: formatNumber(summary.max),
      row: rowName,
      i: summary.maxAt.i,
      col: colName,
      j: summary.maxAt.j,
      distance: summary.meanDiagonalDistance === null ? '—' : formatNumber(summary.meanDiagonalDistance),
    });
  return t('heatmap.summaryGpu', {
    rows: matrix.rows,
    cols: matrix.cols,
    min: formatNumber(matrix.minValue),
    max: formatNumber(matrix.maxValue),
  });
}

/** `block` is the side of the cell block one pixel pools (1: one cell per pixel). */
export function poolingNote(t: Translate, block: number, mode: PoolMode, onGpu: boolean): string {
  if (block <= 1) return t(onGpu ? 'heatmap.cellsGpu' : 'heatmap.cellsCpu');
  return t('heatmap.pooled', {
    mode: t(mode === 'max' ? 'heatmap.modeMax' : mode === 'mean' ? 'heatmap.modeMean' : 'heatmap.modeMaxabs'),
    block,
    source: t(onGpu ? 'heatmap.onGpu' : 'heatmap.onCpu'),
  });
}
