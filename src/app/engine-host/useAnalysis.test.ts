import { describe, expect, it } from 'vitest';
import { settingsKey } from './useAnalysis';

describe('settingsKey', () => {
  it('is the JSON of plain settings', () => {
    expect(settingsKey({ inputs: { n: 8 }, causal: true })).toBe('{"inputs":{"n":8},"causal":true}');
  });

  it('keys a typed array by its type, length and bytes, not by identity', () => {
    const a = Float32Array.from([1, 2, 3]);
    const key = settingsKey({ g: a });
    expect(settingsKey({ g: Float32Array.from([1, 2, 3]) })).toBe(key);
    expect(settingsKey({ g: Float32Array.from([1, 2, 4]) })).not.toBe(key);
    expect(settingsKey({ g: Float64Array.from([1, 2, 3]) })).not.toBe(key);
    expect(key.length).toBeLessThan(60);
  });
});
