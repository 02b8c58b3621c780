// Keyboard cursor of the heatmap: arrows move one cell, Shift+arrows or
// PageUp/PageDown an eighth of the matrix, Home/End jump to the row's ends.
export interface Cell {
  readonly i: number;
  readonly j: number;
}

export function moveCursor(cell: Cell, key: string, shift: boolean, rows: number, cols: number): Cell | null {
  const bigRow = Math.max(1, Math.round(rows / 8));
  const bigCol = Math.max(1, Math.round(cols / 8));
  const clamp = (value: number, size: number) => Math.min(size - 1, Math.max(0, value));
  switch (key) {
    case 'ArrowUp':
      return { i: clamp(cell.i - (shift ? bigRow : 1), rows), j: cell.j };
    case 'ArrowDown':
      return { i: clamp(cell.i + (shift ? bigRow : 1), rows), j: cell.j };
    case 'ArrowLeft':
      return { i: cell.i, j: clamp(cell.j - (shift ? bigCol : 1), cols) };
    case 'ArrowRight':
      return { i: cell.i, j: clamp(cell.j + (shift ? bigCol : 1), cols) };
    case 'PageUp':
      return { i: clamp(cell.i - bigRow, rows), j: cell.j };
    case 'PageDown':
      return { i: clamp(cell.i + bigRow, rows), j: cell.j };
    case 'Home':
      return { i: cell.i, j: 0 };
    case 'End':
      return { i: cell.i, j: cols - 1 };
    default:
      return null;
  }
}

/** Cell under a point of the drawn map (CSS px from its top-left corner, `side` px square). */
export function cellAt(
  x: number,
  y: number,
  width: number,
  height: number,
  rows: number,
  cols: number,
): Cell | null {
  if (x < 0 || y < 0 || x >= width || y >= height) return null;
  return {
    i: Math.min(rows - 1, Math.floor((y / height) * rows)),
    j: Math.min(cols - 1, Math.floor((x / width) * cols)),
  };
}

/** Keep a cursor inside a matrix whose size changed. */
export function clampCell(cell: Cell, rows: number, cols: number): Cell {
  return { i: Math.min(rows - 1, Math.max(0, cell.i)), j: Math.min(cols - 1, Math.max(0, cell.j)) };
}
