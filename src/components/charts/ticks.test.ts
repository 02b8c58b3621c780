import { describe, expect, it } from 'vitest';
import { axisTicks, extent } from './ticks';

describe('axis ticks', () => {
  it('gives the powers of the base on log axes, thinned to the count', () => {
    expect(axisTicks('log2', 100, 5000, 10)).toEqual([128, 256, 512, 1024, 2048, 4096]);
    expect(axisTicks('log2', 64, 65536, 4)).toEqual([64, 512, 4096, 32768]);
    expect(axisTicks('log10', 0.02, 300, 10)).toEqual([0.1, 1, 10, 100]);
    const narrow = axisTicks('log10', 1350, 8450, 4);
    expect(narrow.length).toBeGreaterThanOrEqual(2);
    expect(narrow.every((v) => v >= 1350 && v <= 8450)).toBe(true);
  });

  it('pads log extents and starts linear extents at zero', () => {
    expect(extent([10, 1000], 'log10')).toEqual([8, 1250]);
    expect(extent([3, 7], 'lin')).toEqual([0, 7]);
    expect(extent([], 'log2')).toEqual([1, 10]);
    expect(extent([0, -1, 5], 'log10')).toEqual([2, 12.5]);
  });
});
