// Attention map (and any matrix): a canvas heatmap with axes, hover tooltip,
// keyboard cursor, causal-mask hatching, legend and a text alternative.
// Host matrices are pooled on the CPU into a 2D canvas; GPU-resident matrices
// are drawn by a WebGPU render pass straight from their buffer (no read-back).
// Each pixel of the raster pools the block of cells under it (max for
// attention maps, so sharp peaks survive; signed max-abs for diverging maps).
import { useId, useMemo, type ReactNode, type RefObject } from 'react';
import type { MatrixHandle } from '../../engine';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useElementWidth } from '../hooks/useElementWidth';
import { useT } from '../../i18n';
import { getLut, maskColors, type ColorMapKind } from './colorMaps';
import type { GpuDrawOptions } from './gpuRenderer';
import { colorDomain, MARGIN, rasterPlan } from './geometry';
import { useGpuCanvas } from './useGpuCanvas';
import { useHeatmapCursor, type HoveredCell } from './useHeatmapCursor';
import { useMatrixSummary } from './useMatrixSummary';
import { describeMatrix, poolingNote } from './text';
import { exportHeatmapPng } from './exportPng';
import { HeatmapAxes } from './HeatmapAxes';
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
  const descriptionId = useId();

  const rows = matrix?.rows ?? 0;
  const cols = matrix?.cols ?? 0;
  const side = Math.max(120, Math.min(maxSide, frameWidth - MARGIN.left - MARGIN.right));
  const { outRows, outCols, mode, gamma } = rasterPlan(rows, cols, side, colorMap, pool);
  const onGpu = !!matrix?.gpu && !matrix.host;
  const lut = getLut(colorMap, theme);
  const mask = maskColors(theme);
  const [lo, hi] = useMemo(() => colorDomain(matrix, colorMap), [matrix, colorMap]);
  const drawOptions = useMemo(
    (): GpuDrawOptions => ({ outRows, outCols, mode, causal, lo, hi, gamma, lut, mask }),
    [outRows, outCols, mode, causal, lo, hi, gamma, lut, mask],
  );
  const { canvasRef, present, draw, drawError } = useGpuCanvas(matrix, drawOptions, onPainted);
  const { hover, hoverValue, cursor, announcement, handlers } = useHeatmapCursor(matrix, {
    causal,
    rowName,
    colName,
  });
  const summary = useMatrixSummary(matrix, pending);
  const description = describeMatrix(t, matrix, summary, unavailable, { rowName, colName, valueLabel });
  const block = matrix ? Math.ceil(matrix.rows / outRows) : 1;

  const exportPng = async () => {
    const canvas = canvasRef.current;
    if (!canvas || !matrix) return;
    // A WebGPU canvas is readable only in the task that drew it: draw, then copy at once.
    if (present) await draw();
    await exportHeatmapPng(canvas, outRows, outCols, exportName ?? label);
  };

  const width = side + MARGIN.left + MARGIN.right;
  const height = side + MARGIN.top + MARGIN.bottom;
  const testIdOf = (suffix: string) => (testId ? `${testId}-${suffix}` : undefined);

  return (
    <figure className={styles.figure}>
      <div ref={frameRef} className={styles.frame}>
        <div className={`${styles.plot} ${pending ? styles.pending : ''}`} style={{ width, height }}>
          {matrix && (
            <MatrixCanvas
              key={present ? 'gpu-present' : 'raster'}
              canvasRef={canvasRef}
              matrix={matrix}
              drawn={onGpu ? (present ? 'present' : 'readback') : 'host'}
              pending={pending}
              outRows={outRows}
              outCols={outCols}
              side={side}
              testId={testId}
            />
          )}
          <HeatmapAxes
            width={width}
            height={height}
            side={side}
            rows={rows}
            cols={cols}
            showMask={!!matrix && causal && cols > 1}
            stripe={`rgb(${mask.stripe.join(',')})`}
            rowName={rowName}
            colName={colName}
            overlay={matrix && overlay?.({ side, rows, cols })}
            hover={hover?.cell ?? null}
            cursor={cursor}
            cursorTestId={testIdOf('cursor')}
          />
          <div
            className={styles.interactive}
            style={{ left: MARGIN.left, top: MARGIN.top, width: side, height: side }}
            tabIndex={matrix ? 0 : -1}
            role="application"
            aria-roledescription={t('heatmap.role')}
            aria-label={label}
            aria-describedby={descriptionId}
            data-testid={testIdOf('focus')}
            {...handlers}
          />
          {hover && (
            <HeatmapTooltip
              hover={hover}
              text={hoverValue ?? `${rowName} ${hover.cell.i}, ${colName} ${hover.cell.j}`}
              plotWidth={width}
              testId={testIdOf('tooltip')}
            />
          )}
        </div>
      </div>
      {!matrix && (
        <p className={styles.status} data-testid={testIdOf('empty')}>
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
      {matrix && <p className={styles.status}>{poolingNote(t, block, mode, onGpu)}</p>}
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
      <TextAlternative
        id={descriptionId}
        description={`${description} ${t('heatmap.keys')}`}
        announcement={announcement}
        testId={testIdOf('announce')}
      />
    </figure>
  );
}

function HeatmapTooltip({
  hover,
  text,
  plotWidth,
  testId,
}: {
  readonly hover: HoveredCell;
  readonly text: string;
  readonly plotWidth: number;
  readonly testId: string | undefined;
}) {
  return (
    <div
      className={styles.tooltip}
      data-testid={testId}
      style={{
        left: Math.min(MARGIN.left + hover.x + 12, plotWidth - 150),
        top: Math.max(0, MARGIN.top + hover.y - 30),
      }}
    >
      {text}
    </div>
  );
}

/** The raster (or WebGPU) canvas; its data attributes tell tests what is drawn and how. */
function MatrixCanvas({
  canvasRef,
  matrix,
  drawn,
  pending,
  outRows,
  outCols,
  side,
  testId,
}: {
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  readonly matrix: MatrixHandle;
  readonly drawn: 'present' | 'readback' | 'host';
  readonly pending: boolean;
  readonly outRows: number;
  readonly outCols: number;
  readonly side: number;
  readonly testId: string | undefined;
}) {
  return (
    <canvas
      ref={canvasRef}
      className={styles.canvas}
      data-testid={testId}
      data-rows={matrix.rows}
      data-cols={matrix.cols}
      data-source={drawn === 'host' ? 'cpu' : 'gpu'}
      data-draw={drawn}
      data-pending={pending ? 'true' : 'false'}
      width={outCols}
      height={outRows}
      style={{ left: MARGIN.left, top: MARGIN.top, width: side, height: side }}
      aria-hidden="true"
    />
  );
}

/** What a screen reader gets: the map described as a whole, and the keyboard cursor's cell as it moves. */
function TextAlternative({
  id,
  description,
  announcement,
  testId,
}: {
  readonly id: string;
  readonly description: string;
  readonly announcement: string;
  readonly testId: string | undefined;
}) {
  return (
    <>
      <p id={id} className="visually-hidden">
        {description}
      </p>
      <div className="visually-hidden" aria-live="polite" data-testid={testId}>
        {announcement}
      </div>
    </>
  );
}
