import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatMs, formatNumber } from './format';

describe('format', () => {
  it('prints numbers with three significant digits, scientific when tiny or huge', () => {
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(1234.5)).toBe('1230');
    expect(formatNumber(2.3e-7)).toBe('2.30e-7');
    expect(formatNumber(-4.5e9)).toBe('-4.50e9');
    expect(formatNumber(0)).toBe('0');
  });

  it('prints bytes, counts and milliseconds', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(256 * 256 * 4)).toBe('256 KiB');
    expect(formatBytes(16384 * 16384 * 4)).toBe('1 GiB');
    expect(formatCount(8_388_608)).toBe('8.39 M');
    expect(formatCount(999)).toBe('999');
    expect(formatMs(1.23456)).toBe('1.23 ms');
    expect(formatMs(0.0042)).toBe('4.2 µs');
    expect(formatMs(12345)).toBe('12.3 s');
  });
});
