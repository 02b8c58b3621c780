// Where the reader points on the heatmap: the hovered cell (with its value in
// a tooltip) and the keyboard cursor (its value announced to screen readers).
// A cell's value is read from the matrix asynchronously; only the latest read
// is shown.
import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { MatrixHandle } from '../../engine';
import { useT } from '../../i18n';
import { formatNumber } from '../format';
import { cellAt, clampCell, moveCursor, type Cell } from './cursor';

export interface HoveredCell {
  readonly cell: Cell;
  /** Pointer position in the map, CSS px from its top-left corner. */
  readonly x: number;
  readonly y: number;
}

export interface HeatmapCursor {
  readonly hover: HoveredCell | null;
  /** Text of the hovered cell once its value is read, else null. */
  readonly hoverValue: string | null;
  readonly cursor: Cell | null;
  /** What the live region says about the keyboard cursor's cell. */
  readonly announcement: string;
  readonly handlers: {
    readonly onPointerMove: (event: PointerEvent<HTMLDivElement>) => void;
    readonly onPointerLeave: () => void;
    readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
    readonly onFocus: () => void;
    readonly onBlur: () => void;
  };
}

export interface CellNames {
  readonly causal: boolean;
  readonly rowName: string;
  readonly colName: string;
}

export function useHeatmapCursor(matrix: MatrixHandle | null, names: CellNames): HeatmapCursor {
  const t = useT();
  const { causal, rowName, colName } = names;
  const [hover, setHover] = useState<HoveredCell | null>(null);
  const [hoverValue, setHoverValue] = useState<string | null>(null);
  const [rawCursor, setCursor] = useState<Cell | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const valueRequest = useRef(0);
  // The cursor stays inside a matrix whose size changed.
  const cursor = rawCursor && matrix ? clampCell(rawCursor, matrix.rows, matrix.cols) : null;

  const describeCell = useCallback(
    async (cell: Cell): Promise<string> => {
      if (!matrix) return '';
      if (causal && cell.j > cell.i)
        return t('heatmap.cellMasked', { row: rowName, i: cell.i, col: colName, j: cell.j });
      const value = await matrix.at(cell.i, cell.j);
      return t('heatmap.cell', {
        row: rowName,
        i: cell.i,
        col: colName,
        j: cell.j,
        value: formatNumber(value, 4),
      });
    },
    [matrix, causal, rowName, colName, t],
  );

  const showValue = useCallback(
    (cell: Cell, target: 'hover' | 'cursor') => {
      const request = ++valueRequest.current;
      describeCell(cell)
        .then((text) => {
          if (request !== valueRequest.current) return;
          if (target === 'hover') setHoverValue(text);
          else setAnnouncement(text);
        })
        .catch(() => {
          // The matrix was replaced while reading one element: the next move asks again.
        });
    },
    [describeCell],
  );

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!matrix) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const cell = cellAt(x, y, box.width, box.height, matrix.rows, matrix.cols);
    if (!cell) {
      setHover(null);
      return;
    }
    if (!hover || hover.cell.i !== cell.i || hover.cell.j !== cell.j) {
      setHoverValue(null);
      showValue(cell, 'hover');
    }
    setHover({ cell, x, y });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!matrix) return;
    const next = moveCursor(cursor ?? { i: 0, j: 0 }, event.key, event.shiftKey, matrix.rows, matrix.cols);
    if (!next) return;
    event.preventDefault();
    setCursor(next);
    showValue(next, 'cursor');
  };

  const onFocus = () => {
    if (!matrix) return;
    const start = cursor ?? { i: 0, j: 0 };
    setCursor(start);
    showValue(start, 'cursor');
  };

  return {
    hover,
    hoverValue,
    cursor,
    announcement,
    handlers: {
      onPointerMove,
      onPointerLeave: () => setHover(null),
      onKeyDown,
      onFocus,
      onBlur: () => setCursor(null),
    },
  };
}
