// CPU path of the heatmap: pool a host matrix to the raster and colour it.
// It is also the reference the WebGPU render pass is tested against.
import { lutIndex, type ColorLut, type MaskColors } from './colorMaps';
import { poolMatrix, type PoolMode } from './pool';

export interface RasterInput {
  readonly data: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
  readonly outRows: number;
  readonly outCols: number;
  readonly mode: PoolMode;
  readonly causal: boolean;
  /** Colour domain: lo maps to the first LUT entry, hi to the last. */
  readonly lo: number;
  readonly hi: number;
  /** Power of the colour scale (1 linear, 0.5 square root). */
  readonly gamma: number;
  readonly lut: ColorLut;
  readonly mask: MaskColors;
}

/** RGBA bytes, outRows×outCols, row-major (ImageData layout). */
export function rasterize(input: RasterInput): Uint8ClampedArray<ArrayBuffer> {
  const { values, masked } = poolMatrix(input);
  const rgba = new Uint8ClampedArray(new ArrayBuffer(values.length * 4));
  const { lut, lo, hi, gamma, mask } = input;
  for (let i = 0; i < values.length; i++) {
    const o = 4 * i;
    if (masked[i]) {
      rgba[o] = mask.base[0];
      rgba[o + 1] = mask.base[1];
      rgba[o + 2] = mask.base[2];
    } else {
      const li = 4 * lutIndex(values[i], lo, hi, gamma);
      rgba[o] = lut[li];
      rgba[o + 1] = lut[li + 1];
      rgba[o + 2] = lut[li + 2];
    }
    rgba[o + 3] = 255;
  }
  return rgba;
}
