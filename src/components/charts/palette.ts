// Categorical colours of chart series: the Okabe–Ito set (distinguishable with
// the common colour-vision deficiencies), with a lighter variant for dark pages.
import type { Theme } from '../heatmap/colorMaps';

const LIGHT = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#8a7f00',
  '#555555',
] as const;
const DARK = [
  '#56b4e9',
  '#f08a4b',
  '#2fd1a0',
  '#e8a3c9',
  '#f0c34a',
  '#8fd0f5',
  '#d8cf4a',
  '#bbbbbb',
] as const;

export function seriesColor(index: number, theme: Theme): string {
  const palette = theme === 'dark' ? DARK : LIGHT;
  return palette[((index % palette.length) + palette.length) % palette.length];
}
