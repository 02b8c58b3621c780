// Puts a matrix's pixels on the heatmap's canvas: a host matrix is pooled on
// the CPU into a 2D canvas; a GPU-resident one is drawn by a WebGPU render pass
// straight from its buffer (presented to a WebGPU canvas where the device can,
// else read back as a raster). Redraws at most once per frame and reports the
// first paint of each matrix.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { MatrixHandle } from '../../engine';
import { markPainted } from '../latency/metrics';
import { canPresent, getGpuHeatmapRenderer, readRaster, type GpuDrawOptions } from './gpuRenderer';
import { rasterize } from './raster';

interface GpuCanvasState {
  readonly canvas: HTMLCanvasElement;
  readonly device: GPUDevice;
  readonly context: GPUCanvasContext;
  readonly format: GPUTextureFormat;
}

export interface GpuCanvas {
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  /** The matrix is presented by a WebGPU canvas (its canvas element differs from the raster one). */
  readonly present: boolean;
  /** Draws the current matrix; resolves true once its pixels are on the canvas. */
  readonly draw: () => Promise<boolean>;
  readonly drawError: string | null;
}

export function useGpuCanvas(
  matrix: MatrixHandle | null,
  options: GpuDrawOptions,
  onPainted: ((matrix: MatrixHandle) => void) | undefined,
): GpuCanvas {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const gpuRef = useRef<GpuCanvasState | null>(null);
  const paintedRef = useRef<MatrixHandle | null>(null);
  const onPaintedRef = useRef(onPainted);
  useEffect(() => {
    onPaintedRef.current = onPainted;
  });
  const [drawError, setDrawError] = useState<string | null>(null);
  const present = !!matrix?.gpu && !matrix.host && canPresent(matrix.gpu.device);
  const drawRequest = useRef(0);

  const draw = useCallback(async (): Promise<boolean> => {
    const canvas = canvasRef.current;
    if (!canvas || !matrix) return false;
    const request = ++drawRequest.current;
    const { outRows, outCols } = options;
    if (matrix.host) {
      const context = canvas.getContext('2d');
      if (!context) return false;
      const rgba = rasterize({ data: matrix.host, rows: matrix.rows, cols: matrix.cols, ...options });
      context.putImageData(new ImageData(rgba, outCols, outRows), 0, 0);
      return true;
    }
    if (!matrix.gpu) return false;
    const { device, buffer, offset } = matrix.gpu;
    const ref = { buffer, offset, rows: matrix.rows, cols: matrix.cols };
    if (!present) {
      const renderer = getGpuHeatmapRenderer(device, 'rgba8unorm');
      const rgba = await readRaster(renderer, ref, options);
      // A newer draw started meanwhile: its pixels win.
      if (request !== drawRequest.current || canvasRef.current !== canvas) return false;
      const context = canvas.getContext('2d');
      if (!context) return false;
      context.putImageData(new ImageData(rgba, outCols, outRows), 0, 0);
      return true;
    }
    let state = gpuRef.current;
    if (!state || state.canvas !== canvas || state.device !== device) {
      const context = canvas.getContext('webgpu');
      if (!context) return false;
      const format = navigator.gpu.getPreferredCanvasFormat();
      context.configure({ device, format, alphaMode: 'opaque' });
      state = { canvas, device, context, format };
      gpuRef.current = state;
    }
    getGpuHeatmapRenderer(device, state.format).draw(
      state.context.getCurrentTexture().createView(),
      ref,
      options,
    );
    return true;
  }, [matrix, present, options]);

  // Redraw at most once per frame, whatever changed (matrix, theme, size).
  useEffect(() => {
    if (!matrix) return;
    let cancelled = false;
    const frame = requestAnimationFrame(() => {
      draw()
        .then((drawn) => {
          if (!drawn || cancelled) return;
          setDrawError(null);
          if (paintedRef.current !== matrix) {
            paintedRef.current = matrix;
            markPainted();
            onPaintedRef.current?.(matrix);
          }
        })
        .catch((error: unknown) => {
          if (!cancelled) setDrawError(error instanceof Error ? error.message : String(error));
        });
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [draw, matrix]);

  return { canvasRef, present, draw, drawError };
}
