import { describe, expect, it } from 'vitest';
import { logGrid, nearestIndex, powersOfTwo, stepDecimals } from './sliderScale';

describe('slider grids', () => {
  it('builds a log ladder that contains the ends and the powers of two', () => {
    expect(logGrid(8, 64)).toEqual([8, 12, 16, 24, 32, 48, 64]);
    expect(logGrid(10, 40)).toEqual([10, 12, 16, 24, 32, 40]);
    expect(powersOfTwo(100, 1000)).toEqual([128, 256, 512]);
  });

  it('finds the nearest grid value in log distance', () => {
    const grid = [8, 16, 32, 64];
    expect(nearestIndex(grid, 8)).toBe(0);
    expect(nearestIndex(grid, 23)).toBe(2);
    expect(nearestIndex(grid, 22)).toBe(1);
    expect(nearestIndex(grid, 1e9)).toBe(3);
    expect(nearestIndex([0, 0.5, 1], 0.6)).toBe(1);
  });

  it('counts the decimals of a step', () => {
    expect(stepDecimals(1)).toBe(0);
    expect(stepDecimals(0.05)).toBe(2);
    expect(stepDecimals(0.01)).toBe(2);
    expect(stepDecimals(0.1)).toBe(1);
  });
});
