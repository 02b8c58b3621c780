import { describe, expect, it } from 'vitest';
import { summarizeMatrix } from './summary';

describe('summarizeMatrix', () => {
  it('finds the largest weight and the mean distance from the diagonal', () => {
    // Row 0 attends to itself, row 1 half to itself half to token 0, row 2 all to token 0.
    const data = [1, 0, 0, 0.5, 0.5, 0, 1, 0, 0];
    const s = summarizeMatrix(data, 3, 3);
    expect(s.max).toBe(1);
    expect(s.maxAt).toEqual({ i: 0, j: 0 });
    expect(s.meanDiagonalDistance).toBeCloseTo((0 + 0.5 + 2) / 3, 12);
  });

  it('an identity map sits on the diagonal; an empty one has no distance', () => {
    expect(summarizeMatrix([1, 0, 0, 1], 2, 2).meanDiagonalDistance).toBe(0);
    expect(summarizeMatrix([0, 0, 0, 0], 2, 2).meanDiagonalDistance).toBeNull();
  });
});
