// Attention map (and any matrix): a canvas heatmap with axes, hover tooltip,
// keyboard cursor, causal-mask hatching, legend and a text alternative.
// Host matrices are pooled on the CPU into a 2D canvas; GPU-resident matrices
// are drawn by a WebGPU render pass straight from their buffer (no read-back).
// Each pixel of the raster pools the block of cells under it (max for
// attention maps, so sharp peaks survive; signed max-abs for diverging maps).
import { scaleLinear } from 'd3-scale';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import type { MatrixHandle } from '../../engine';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useElementWidth } from '../hooks/useElementWidth';
import { useT } from '../i18n';
import { formatNumber } from '../format';
import { markPainted } from '../metrics';
import { downloadBlob, fileSlug } from '../export/download';
import { canvasToPngBlob } from '../export/svgImage';
import { getLut, maskColors, type ColorMapKind } from './colorMaps';
import { cellAt, clampCell, moveCursor, type Cell } from './cursor';
import { canPresent, getGpuHeatmapRenderer, readRaster } from './gpuRenderer';
import { rasterSize, type PoolMode } from './pool';
import { rasterize } from './raster';
import { summarizeMatrix, type MatrixSummary } from './summary';
import { summarizeOnGpu } from './gpuSummary';
import { Legend } from './Legend';
import styles from './Heatmap.module.css';

export interface HeatmapProps {
  readonly matrix: MatrixHandle | null;
  /** Draw the causal mask: cells with column j > row i are never attended. */
  readonly causal: boolean;
  readonly colorMap?: ColorMapKind;
  /** Pooling of sequential maps (diverging maps always keep the signed largest magnitude). */
  readonly pool?: 'max' | 'mean';
  /** Accessible name of the map. */
  readonly label: string;
  /** What a row and a column are ("query", "key"). */
  readonly rowName: string;
  readonly colName: string;
  /** What a cell holds ("weight"). */
  readonly valueLabel: string;
  /** data-testid of the canvas. */
  readonly testId?: string;
  /** Largest side of the drawn map in CSS px. */
  readonly maxSide?: number;
  /** A newer matrix is being computed (the current one stays, dimmed). */
  readonly pending?: boolean;
  /** The engine could not compute the matrix (the lab shows why): say so instead of "Computing…". */
  readonly unavailable?: boolean;
  /** File name stem of the PNG export. */
  readonly exportName?: string;
  /** Called once per matrix, after its pixels are on screen (labs start slower work only then). */
  readonly onPainted?: (matrix: MatrixHandle) => void;
  /** Extra SVG drawn over the map, in map coordinates (0..side px square), e.g. a chunk diagram. */
  readonly overlay?: (geometry: {
    readonly side: number;
    readonly rows: number;
    readonly cols: number;
  }) => ReactNode;
}

const MARGIN = { left: 46, top: 8, right: 8, bottom: 38 };
/** Quiet time before a GPU matrix is summarised for the text alternative. */
const SUMMARY_DELAY_MS = 500;
/** Raster pixels per side at most: beyond this, pooling on the device is cheaper than pixels nobody sees. */
const MAX_RASTER = 1024;

interface GpuCanvasState {
  readonly canvas: HTMLCanvasElement;
  readonly device: GPUDevice;
  readonly context: GPUCanvasContext;
  readonly format: GPUTextureFormat;
}

function maskPolygon(rows: number, cols: number, side: number): string {
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

export function Heatmap({
  matrix,
  causal,
  colorMap = 'sequential',
  pool = 'max',
  label,
  rowName,
  colName,
  valueLabel,
  testId,
  maxSide = 520,
  pending = false,
  unavailable = false,
  exportName,
  onPainted,
  overlay,
}: HeatmapProps) {
  const t = useT();
  const theme = useResolvedTheme();
  const [frameRef, frameWidth] = useElementWidth<HTMLDivElement>(360);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const gpuRef = useRef<GpuCanvasState | null>(null);
  const paintedRef = useRef<MatrixHandle | null>(null);
  const onPaintedRef = useRef(onPainted);
  useEffect(() => {
    onPaintedRef.current = onPainted;
  });
  const [hover, setHover] = useState<{ cell: Cell; x: number; y: number } | null>(null);
  const [hoverValue, setHoverValue] = useState<string | null>(null);
  const [rawCursor, setCursor] = useState<Cell | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [drawError, setDrawError] = useState<string | null>(null);
  const valueRequest = useRef(0);
  const descriptionId = useId();
  const hatchId = useId();

  const rows = matrix?.rows ?? 0;
  const cols = matrix?.cols ?? 0;
  // The cursor stays inside a matrix whose size changed.
  const cursor = rawCursor && matrix ? clampCell(rawCursor, rows, cols) : null;
  const side = Math.max(120, Math.min(maxSide, frameWidth - MARGIN.left - MARGIN.right));
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const { outRows, outCols } = rasterSize(rows || 1, cols || 1, Math.min(MAX_RASTER, Math.round(side * dpr)));
  const mode: PoolMode = colorMap === 'diverging' ? 'maxabs' : pool;
  // Attention weights are mostly small (about 1/n): a square-root scale keeps them visible.
  const gamma = colorMap === 'diverging' ? 1 : 0.5;
  const onGpu = !!matrix?.gpu && !matrix.host;
  const lut = getLut(colorMap, theme);
  const mask = maskColors(theme);
  const [lo, hi] = useMemo((): [number, number] => {
    if (!matrix) return [0, 1];
    if (colorMap === 'diverging') {
      const m = matrix.maxAbs > 0 ? matrix.maxAbs : 1;
      return [-m, m];
    }
    const low = Math.min(0, matrix.minValue);
    return [low, matrix.maxValue > low ? matrix.maxValue : low + 1];
  }, [matrix, colorMap]);

  const present = !!matrix?.gpu && !matrix.host && canPresent(matrix.gpu.device);
  const drawRequest = useRef(0);

  /** Draws the current matrix; resolves true once its pixels are on the canvas. */
  const draw = useCallback(async (): Promise<boolean> => {
    const canvas = canvasRef.current;
    if (!canvas || !matrix) return false;
    const request = ++drawRequest.current;
    const options = { outRows, outCols, mode, causal, lo, hi, gamma, lut, mask };
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
  }, [matrix, present, outRows, outCols, mode, causal, lo, hi, gamma, lut, mask]);

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

  const describeCell = useCallback(
    async (cell: Cell): Promise<string> => {
      if (!matrix) return '';
      if (causal && cell.j > cell.i)
        return t('heatmap.cellMasked', { row: rowName, i: cell.i, col: colName, j: cell.j });
      const value = await matrix.at(cell.i, cell.j);
      return t('heatmap.cell', {
        row: rowName,
        i: cell.i,
        col: colName,
        j: cell.j,
        value: formatNumber(value, 4),
      });
    },
    [matrix, causal, rowName, colName, t],
  );

  const showValue = useCallback(
    (cell: Cell, target: 'hover' | 'cursor') => {
      const request = ++valueRequest.current;
      describeCell(cell)
        .then((text) => {
          if (request !== valueRequest.current) return;
          if (target === 'hover') setHoverValue(text);
          else setAnnouncement(text);
        })
        .catch(() => {
          // The matrix was replaced while reading one element: the next move asks again.
        });
    },
    [describeCell],
  );

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!matrix) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const cell = cellAt(x, y, box.width, box.height, matrix.rows, matrix.cols);
    if (!cell) {
      setHover(null);
      return;
    }
    if (!hover || hover.cell.i !== cell.i || hover.cell.j !== cell.j) {
      setHoverValue(null);
      showValue(cell, 'hover');
    }
    setHover({ cell, x, y });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!matrix) return;
    const next = moveCursor(cursor ?? { i: 0, j: 0 }, event.key, event.shiftKey, matrix.rows, matrix.cols);
    if (!next) return;
    event.preventDefault();
    setCursor(next);
    showValue(next, 'cursor');
  };

  const onFocus = () => {
    if (!matrix) return;
    const start = cursor ?? { i: 0, j: 0 };
    setCursor(start);
    showValue(start, 'cursor');
  };

  const hostSummary = useMemo(
    () => (matrix?.host ? summarizeMatrix(matrix.host, matrix.rows, matrix.cols) : null),
    [matrix],
  );
  // A GPU matrix is summarised on the device (4 floats per row come back), once
  // the map has stayed the same for a moment: never on the drag's critical path.
  const [gpuSummary, setGpuSummary] = useState<{ matrix: MatrixHandle; summary: MatrixSummary } | null>(null);
  useEffect(() => {
    // While a newer matrix computes, its map comes first: this one's summary would only queue ahead of it.
    if (!matrix?.gpu || matrix.host || pending) return;
    const handle = matrix;
    const gpuMatrix = matrix.gpu;
    let cancelled = false;
    const timer = setTimeout(() => {
      summarizeOnGpu(gpuMatrix.device, {
        buffer: gpuMatrix.buffer,
        offset: gpuMatrix.offset,
        rows: handle.rows,
        cols: handle.cols,
      })
        .then((summary) => {
          if (!cancelled) setGpuSummary({ matrix: handle, summary });
        })
        .catch(() => {
          // The buffer was released for a newer matrix: that one gets its own summary.
        });
    }, SUMMARY_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [matrix, pending]);
  const summary = hostSummary ?? (gpuSummary && gpuSummary.matrix === matrix ? gpuSummary.summary : null);
  const description = !matrix
    ? t(unavailable ? 'heatmap.unavailable' : 'view.computing')
    : summary
      ? t('heatmap.summary', {
          rows: matrix.rows,
          cols: matrix.cols,
          value: valueLabel,
          max: formatNumber(summary.max),
          row: rowName,
          i: summary.maxAt.i,
          col: colName,
          j: summary.maxAt.j,
          distance: summary.meanDiagonalDistance === null ? '—' : formatNumber(summary.meanDiagonalDistance),
        })
      : t('heatmap.summaryGpu', {
          rows: matrix.rows,
          cols: matrix.cols,
          min: formatNumber(matrix.minValue),
          max: formatNumber(matrix.maxValue),
        });
  const block = matrix ? Math.ceil(matrix.rows / outRows) : 1;
  const poolingNote =
    block > 1
      ? t('heatmap.pooled', {
          mode: t(
            mode === 'max' ? 'heatmap.modeMax' : mode === 'mean' ? 'heatmap.modeMean' : 'heatmap.modeMaxabs',
          ),
          block,
          source: t(onGpu ? 'heatmap.onGpu' : 'heatmap.onCpu'),
        })
      : t(onGpu ? 'heatmap.cellsGpu' : 'heatmap.cellsCpu');

  const exportPng = async () => {
    const canvas = canvasRef.current;
    if (!canvas || !matrix) return;
    // A WebGPU canvas is readable only in the task that drew it: draw, then copy at once.
    if (present) await draw();
    const scale = Math.max(1, Math.ceil(512 / Math.max(outRows, outCols)));
    const copy = document.createElement('canvas');
    copy.width = outCols * scale;
    copy.height = outRows * scale;
    const context = copy.getContext('2d');
    if (!context) return;
    context.imageSmoothingEnabled = false;
    context.drawImage(canvas, 0, 0, copy.width, copy.height);
    downloadBlob(await canvasToPngBlob(copy), `${fileSlug(exportName ?? label)}.png`);
  };

  const width = side + MARGIN.left + MARGIN.right;
  const height = side + MARGIN.top + MARGIN.bottom;
  const x = scaleLinear()
    .domain([0, cols || 1])
    .range([0, side]);
  const y = scaleLinear()
    .domain([0, rows || 1])
    .range([0, side]);
  const ticks = (count: number, scale: typeof x) => scale.ticks(count).filter((v) => Number.isInteger(v));
  const cellW = side / (cols || 1);
  const cellH = side / (rows || 1);
  const stripe = `rgb(${mask.stripe.join(',')})`;

  return (
    <figure className={styles.figure}>
      <div ref={frameRef} className={styles.frame}>
        <div className={`${styles.plot} ${pending ? styles.pending : ''}`} style={{ width, height }}>
          {matrix && (
            <canvas
              key={present ? 'gpu-present' : 'raster'}
              ref={canvasRef}
              className={styles.canvas}
              data-testid={testId}
              data-rows={matrix.rows}
              data-cols={matrix.cols}
              data-source={onGpu ? 'gpu' : 'cpu'}
              data-draw={onGpu ? (present ? 'present' : 'readback') : 'host'}
              data-pending={pending ? 'true' : 'false'}
              width={outCols}
              height={outRows}
              style={{ left: MARGIN.left, top: MARGIN.top, width: side, height: side }}
              aria-hidden="true"
            />
          )}
          <svg className={styles.overlay} width={width} height={height} aria-hidden="true">
            <defs>
              <pattern
                id={hatchId}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <line x1="0" y1="0" x2="0" y2="6" stroke={stripe} strokeWidth="2.5" />
              </pattern>
            </defs>
            <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
              {matrix && causal && cols > 1 && (
                <polygon points={maskPolygon(rows, cols, side)} fill={`url(#${hatchId})`} />
              )}
              <rect className={styles.axisLine} width={side} height={side} fill="none" />
              {matrix && overlay?.({ side, rows, cols })}
              {ticks(5, x).map((v) => (
                <g key={`x${v}`} transform={`translate(${Math.min(side, x(v))}, ${side})`}>
                  <line className={styles.axisLine} y2={4} />
                  <text y={15} textAnchor="middle">
                    {v}
                  </text>
                </g>
              ))}
              {ticks(5, y).map((v) => (
                <g key={`y${v}`} transform={`translate(0, ${Math.min(side, y(v))})`}>
                  <line className={styles.axisLine} x2={-4} />
                  <text x={-7} dy="0.32em" textAnchor="end">
                    {v}
                  </text>
                </g>
              ))}
              <text className={styles.axisLabel} x={side / 2} y={side + 32} textAnchor="middle">
                {`${colName} j →`}
              </text>
              <text
                className={styles.axisLabel}
                transform={`translate(${-34}, ${side / 2}) rotate(-90)`}
                textAnchor="middle"
              >
                {`${rowName} i →`}
              </text>
              {hover && (
                <rect
                  className={styles.hover}
                  x={hover.cell.j * cellW}
                  y={hover.cell.i * cellH}
                  width={Math.max(2, cellW)}
                  height={Math.max(2, cellH)}
                />
              )}
              {cursor && (
                <rect
                  className={styles.cursor}
                  data-testid={testId ? `${testId}-cursor` : undefined}
                  x={cursor.j * cellW - 1}
                  y={cursor.i * cellH - 1}
                  width={Math.max(4, cellW) + 2}
                  height={Math.max(4, cellH) + 2}
                />
              )}
            </g>
          </svg>
          <div
            className={styles.interactive}
            style={{ left: MARGIN.left, top: MARGIN.top, width: side, height: side }}
            tabIndex={matrix ? 0 : -1}
            role="application"
            aria-roledescription={t('heatmap.role')}
            aria-label={label}
            aria-describedby={descriptionId}
            data-testid={testId ? `${testId}-focus` : undefined}
            onPointerMove={onPointerMove}
            onPointerLeave={() => setHover(null)}
            onKeyDown={onKeyDown}
            onFocus={onFocus}
            onBlur={() => setCursor(null)}
          />
          {hover && (
            <div
              className={styles.tooltip}
              data-testid={testId ? `${testId}-tooltip` : undefined}
              style={{
                left: Math.min(MARGIN.left + hover.x + 12, width - 150),
                top: Math.max(0, MARGIN.top + hover.y - 30),
              }}
            >
              {hoverValue ?? `${rowName} ${hover.cell.i}, ${colName} ${hover.cell.j}`}
            </div>
          )}
        </div>
      </div>
      {!matrix && (
        <p className={styles.status} data-testid={testId ? `${testId}-empty` : undefined}>
          {t(unavailable ? 'heatmap.unavailable' : 'view.computing')}
        </p>
      )}
      {matrix && (
        <Legend
          lut={lut}
          lo={lo}
          hi={hi}
          gamma={gamma}
          valueLabel={valueLabel}
          scaleNote={gamma === 0.5 ? t('heatmap.sqrtScale') : undefined}
          theme={theme}
          maskLabel={causal ? t('heatmap.maskLegend') : null}
          width={Math.min(width, 420)}
        />
      )}
      {matrix && <p className={styles.status}>{poolingNote}</p>}
      <div className={styles.actions}>
        <button type="button" className="button" onClick={() => void exportPng()} disabled={!matrix}>
          {t('view.savePng')}
        </button>
      </div>
      {drawError && (
        <p className="inline-error" role="alert">
          {drawError}
        </p>
      )}
      <p id={descriptionId} className="visually-hidden">
        {`${description} ${t('heatmap.keys')}`}
      </p>
      <div
        className="visually-hidden"
        aria-live="polite"
        data-testid={testId ? `${testId}-announce` : undefined}
      >
        {announcement}
      </div>
    </figure>
  );
}
