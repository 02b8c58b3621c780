// Colour maps of the matrix views, as 256-entry RGBA lookup tables so the
// canvas path and the WebGPU render pass colour a value identically.
// Sequential (attention weights ≥ 0): magma, perceptually uniform; on a light
// page low weights are pale and high weights dark (ink on paper), on a dark page
// the reverse, so an empty region always looks like the page.
// Diverging (state matrices, centred at 0): lightness runs linearly in CIELAB
// from the page-like centre to saturated blue (negative) and orange-red
// (positive) ends, so equal steps of |value| look like equal steps.
import { interpolateMagma } from 'd3-scale-chromatic';

export type Theme = 'light' | 'dark';
export type ColorMapKind = 'sequential' | 'diverging';

export const LUT_SIZE = 256;

/** RGBA bytes, LUT_SIZE entries. */
export type ColorLut = Uint8Array;

export interface MaskColors {
  /** Fill of masked (never attended) cells in the raster. */
  readonly base: readonly [number, number, number];
  /** Hatch stripes the overlay draws over the masked region (vector, crisp at any zoom). */
  readonly stripe: readonly [number, number, number];
}

/** Parse '#rrggbb' or 'rgb(r, g, b)' (what d3-scale-chromatic returns). */
export function parseCssColor(text: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})$/i.exec(text.trim());
  if (hex) {
    const value = parseInt(hex[1], 16);
    return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  }
  const rgb = /^rgb\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)$/i.exec(text.trim());
  if (rgb) return [Math.round(Number(rgb[1])), Math.round(Number(rgb[2])), Math.round(Number(rgb[3]))];
  throw new Error(`unrecognised colour ${text}`);
}

function srgbFromLinear(c: number): number {
  const v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
  return Math.round(Math.min(1, Math.max(0, v)) * 255);
}

/** CIELAB (D65) to sRGB bytes, clipped to the gamut. */
export function labToRgb(l: number, a: number, b: number): [number, number, number] {
  const fy = (l + 16) / 116;
  const fx = fy + a / 500;
  const fz = fy - b / 200;
  const epsilon = 216 / 24389;
  const kappa = 24389 / 27;
  const finv = (f: number) => (f * f * f > epsilon ? f * f * f : (116 * f - 16) / kappa);
  const x = 0.95047 * finv(fx);
  const y = l > kappa * epsilon ? fy * fy * fy : l / kappa;
  const z = 1.08883 * finv(fz);
  const r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  const g = -0.969266 * x + 1.8760108 * y + 0.041556 * z;
  const bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  return [srgbFromLinear(r), srgbFromLinear(g), srgbFromLinear(bl)];
}

/** CIELAB lightness of an sRGB colour (used by tests to check uniformity). */
export function lightnessOf([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  };
  const y = 0.2126729 * lin(r) + 0.7151522 * lin(g) + 0.072175 * lin(b);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

/** Colour at t ∈ [0, 1] of the sequential map for a theme. */
export function sequentialColor(t: number, theme: Theme): [number, number, number] {
  const u = Math.min(1, Math.max(0, t));
  // The darkest 8% of magma is nearly black and the lightest end nearly white:
  // both are trimmed so the extreme cells still read as colour against the page.
  return parseCssColor(interpolateMagma(theme === 'light' ? 0.98 - 0.86 * u : 0.1 + 0.88 * u));
}

/** Colour at t ∈ [-1, 1] of the diverging map for a theme (t = value / max|value|). */
export function divergingColor(t: number, theme: Theme): [number, number, number] {
  const u = Math.min(1, Math.max(-1, t));
  const m = Math.abs(u);
  const centre = theme === 'light' ? 97 : 18;
  const end = theme === 'light' ? 42 : 74;
  const l = centre + (end - centre) * m;
  // Chroma grows with |t|; hue angles: blue for negative, orange-red for positive.
  const chroma = 50 * m;
  const hue = u < 0 ? (-100 * Math.PI) / 180 : (45 * Math.PI) / 180;
  return labToRgb(l, chroma * Math.cos(hue), chroma * Math.sin(hue));
}

export function buildLut(kind: ColorMapKind, theme: Theme): ColorLut {
  const lut = new Uint8Array(LUT_SIZE * 4);
  for (let i = 0; i < LUT_SIZE; i++) {
    const t = i / (LUT_SIZE - 1);
    const [r, g, b] = kind === 'sequential' ? sequentialColor(t, theme) : divergingColor(2 * t - 1, theme);
    lut[4 * i] = r;
    lut[4 * i + 1] = g;
    lut[4 * i + 2] = b;
    lut[4 * i + 3] = 255;
  }
  return lut;
}

const lutCache = new Map<string, ColorLut>();
/** Cached LUT (built once per kind and theme). */
export function getLut(kind: ColorMapKind, theme: Theme): ColorLut {
  const key = `${kind}:${theme}`;
  let lut = lutCache.get(key);
  if (!lut) {
    lut = buildLut(kind, theme);
    lutCache.set(key, lut);
  }
  return lut;
}

// Neutral greys, hue-free, away from both ends of either map. One object per
// theme: the heatmap redraws when its colours change identity, so a fresh
// object per render would redraw the map on every render (every hover, every
// pending flag), each a GPU pass and, on software adapters, a read-back.
const MASK_COLORS: Readonly<Record<Theme, MaskColors>> = {
  light: { base: [214, 214, 214], stripe: [176, 176, 176] },
  dark: { base: [58, 58, 58], stripe: [88, 88, 88] },
};

export function maskColors(theme: Theme): MaskColors {
  return MASK_COLORS[theme];
}

/**
 * LUT index of a value in the domain [lo, hi] (clamped), through the power
 * scale t^gamma (gamma 1: linear); the WGSL pass uses the same rounding.
 */
export function lutIndex(value: number, lo: number, hi: number, gamma = 1): number {
  const span = hi - lo;
  const t = span > 0 ? Math.pow(Math.min(1, Math.max(0, (value - lo) / span)), gamma) : 0.5;
  return Math.floor(t * (LUT_SIZE - 1) + 0.5);
}

/** CSS colour of a LUT entry (legends, tooltips). */
export function lutCss(lut: ColorLut, index: number): string {
  const i = Math.min(LUT_SIZE - 1, Math.max(0, index)) * 4;
  return `rgb(${lut[i]}, ${lut[i + 1]}, ${lut[i + 2]})`;
}
