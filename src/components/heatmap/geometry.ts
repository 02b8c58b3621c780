// Layout of the heatmap's plot: the margins around the map, the causal mask's
// outline in map coordinates, the raster a matrix is pooled into, and the
// colour domain it is drawn over.
import type { MatrixHandle } from '../../engine';
import type { ColorMapKind } from './colorMaps';
import { rasterSize, type PoolMode } from './pool';

export const MARGIN = { left: 46, top: 8, right: 8, bottom: 38 };
/** Raster pixels per side at most: beyond this, pooling on the device is cheaper than pixels nobody sees. */
const MAX_RASTER = 1024;

export interface RasterPlan {
  readonly outRows: number;
  readonly outCols: number;
  readonly mode: PoolMode;
  /** Power of the colour scale. */
  readonly gamma: number;
}

/** How a rows×cols matrix is rastered into a map `side` CSS px wide on this screen. */
export function rasterPlan(
  rows: number,
  cols: number,
  side: number,
  colorMap: ColorMapKind,
  pool: 'max' | 'mean',
): RasterPlan {
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const { outRows, outCols } = rasterSize(rows || 1, cols || 1, Math.min(MAX_RASTER, Math.round(side * dpr)));
  const mode: PoolMode = colorMap === 'diverging' ? 'maxabs' : pool;
  // Attention weights are mostly small (about 1/n): a square-root scale keeps them visible.
  const gamma = colorMap === 'diverging' ? 1 : 0.5;
  return { outRows, outCols, mode, gamma };
}

export function maskPolygon(rows: number, cols: number, side: number): string {
  // Cells (i, j) with j > i. A staircase along the cell edges for small maps,
  // the triangle for large ones (where a step is under a pixel).
  const sx = side / cols;
  const sy = side / rows;
  const points: [number, number][] = [
    [1, 0],
    [cols, 0],
    [cols, Math.min(rows, cols - 1)],
  ];
  const steps = Math.min(rows, cols - 1);
  if (rows <= 256) {
    for (let k = steps; k >= 1; k--) {
      points.push([k, k]);
      points.push([k, k - 1]);
    }
  }
  return points.map(([x, y]) => `${(x * sx).toFixed(2)},${(y * sy).toFixed(2)}`).join(' ');
}

/** Colour domain [lo, hi]: symmetric around 0 for diverging maps, from min(0, min) up for sequential ones. */
export function colorDomain(matrix: MatrixHandle | null, colorMap: ColorMapKind): [number, number] {
  if (!matrix) return [0, 1];
  if (colorMap === 'diverging') {
    const m = matrix.maxAbs > 0 ? matrix.maxAbs : 1;
    return [-m, m];
  }
  const low = Math.min(0, matrix.minValue);
  return [low, matrix.maxValue > low ? matrix.maxValue : low + 1];
}
