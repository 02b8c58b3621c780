import { describe, expect, it } from 'vitest';
import {
  buildLut,
  divergingColor,
  labToRgb,
  lightnessOf,
  lutIndex,
  maskColors,
  parseCssColor,
  sequentialColor,
} from './colorMaps';

describe('colour maps', () => {
  it('parses the colour strings d3 returns', () => {
    expect(parseCssColor('#fcfdbf')).toEqual([252, 253, 191]);
    expect(parseCssColor('rgb(12, 34, 56)')).toEqual([12, 34, 56]);
    expect(() => parseCssColor('tomato')).toThrow();
  });

  it('converts CIELAB to sRGB for known colours', () => {
    expect(labToRgb(100, 0, 0)).toEqual([255, 255, 255]);
    expect(labToRgb(0, 0, 0)).toEqual([0, 0, 0]);
    const grey = labToRgb(53.585, 0, 0);
    expect(grey[0]).toBeGreaterThanOrEqual(127);
    expect(grey[0]).toBeLessThanOrEqual(129);
    expect(lightnessOf(grey)).toBeCloseTo(53.6, 0);
  });

  it('sequential lightness is monotone: pale-to-dark on light pages, dark-to-pale on dark pages', () => {
    for (const theme of ['light', 'dark'] as const) {
      let previous = lightnessOf(sequentialColor(0, theme));
      for (let i = 1; i <= 20; i++) {
        const l = lightnessOf(sequentialColor(i / 20, theme));
        if (theme === 'light') expect(l).toBeLessThan(previous + 0.5);
        else expect(l).toBeGreaterThan(previous - 0.5);
        previous = l;
      }
    }
    expect(lightnessOf(sequentialColor(0, 'light'))).toBeGreaterThan(90);
    expect(lightnessOf(sequentialColor(1, 'light'))).toBeLessThan(25);
    expect(lightnessOf(sequentialColor(0, 'dark'))).toBeLessThan(15);
  });

  it('diverging map is symmetric in lightness and centred on the page colour', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const t of [0.25, 0.5, 1]) {
        const neg = lightnessOf(divergingColor(-t, theme));
        const pos = lightnessOf(divergingColor(t, theme));
        expect(Math.abs(neg - pos)).toBeLessThan(3);
      }
    }
    expect(lightnessOf(divergingColor(0, 'light'))).toBeGreaterThan(95);
    expect(lightnessOf(divergingColor(0, 'dark'))).toBeLessThan(20);
    const [r, , b] = divergingColor(-1, 'light');
    expect(b).toBeGreaterThan(r);
    const [r2, , b2] = divergingColor(1, 'light');
    expect(r2).toBeGreaterThan(b2);
  });

  it('mask colours differ clearly from every LUT entry of the sequential map', () => {
    for (const theme of ['light', 'dark'] as const) {
      const lut = buildLut('sequential', theme);
      const { base } = maskColors(theme);
      for (let i = 0; i < 256; i++) {
        const d = Math.hypot(lut[4 * i] - base[0], lut[4 * i + 1] - base[1], lut[4 * i + 2] - base[2]);
        expect(d).toBeGreaterThan(30);
      }
    }
  });

  it('mask colours keep their identity per theme (the heatmap redraws when they change)', () => {
    expect(maskColors('light')).toBe(maskColors('light'));
    expect(maskColors('dark')).toBe(maskColors('dark'));
    expect(maskColors('dark')).not.toBe(maskColors('light'));
  });

  it('maps values to LUT indices with clamping', () => {
    expect(lutIndex(0, 0, 1)).toBe(0);
    expect(lutIndex(1, 0, 1)).toBe(255);
    expect(lutIndex(0.5, 0, 1)).toBe(128);
    expect(lutIndex(-3, 0, 1)).toBe(0);
    expect(lutIndex(9, 0, 1)).toBe(255);
    expect(lutIndex(0, -2, 2)).toBe(128);
    expect(lutIndex(0.25, 0, 1, 0.5)).toBe(128);
  });
});
