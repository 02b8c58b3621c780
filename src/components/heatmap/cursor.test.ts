import { describe, expect, it } from 'vitest';
import { cellAt, clampCell, moveCursor } from './cursor';

describe('heatmap cursor', () => {
  it('moves by one cell with arrows and stays inside the matrix', () => {
    expect(moveCursor({ i: 0, j: 0 }, 'ArrowDown', false, 4, 4)).toEqual({ i: 1, j: 0 });
    expect(moveCursor({ i: 0, j: 0 }, 'ArrowUp', false, 4, 4)).toEqual({ i: 0, j: 0 });
    expect(moveCursor({ i: 3, j: 3 }, 'ArrowRight', false, 4, 4)).toEqual({ i: 3, j: 3 });
    expect(moveCursor({ i: 3, j: 3 }, 'ArrowLeft', false, 4, 4)).toEqual({ i: 3, j: 2 });
  });

  it('jumps an eighth with Shift or PageUp/PageDown, and to the row ends with Home/End', () => {
    expect(moveCursor({ i: 10, j: 10 }, 'ArrowDown', true, 64, 64)).toEqual({ i: 18, j: 10 });
    expect(moveCursor({ i: 10, j: 10 }, 'PageUp', false, 64, 64)).toEqual({ i: 2, j: 10 });
    expect(moveCursor({ i: 10, j: 10 }, 'End', false, 64, 64)).toEqual({ i: 10, j: 63 });
    expect(moveCursor({ i: 10, j: 10 }, 'Home', false, 64, 64)).toEqual({ i: 10, j: 0 });
    expect(moveCursor({ i: 10, j: 10 }, 'Enter', false, 64, 64)).toBeNull();
  });

  it('maps pointer positions to cells', () => {
    expect(cellAt(0, 0, 100, 100, 10, 10)).toEqual({ i: 0, j: 0 });
    expect(cellAt(99.9, 15, 100, 100, 10, 10)).toEqual({ i: 1, j: 9 });
    expect(cellAt(100, 15, 100, 100, 10, 10)).toBeNull();
    expect(clampCell({ i: 40, j: 2 }, 16, 16)).toEqual({ i: 15, j: 2 });
  });
});
