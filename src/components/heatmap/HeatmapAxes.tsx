// The SVG drawn over the heatmap's canvas: the causal mask's hatching, the
// frame, the axes with their ticks and names, an optional overlay, and the
// hovered cell and keyboard cursor outlines.
import { scaleLinear } from 'd3-scale';
import { useId, type ReactNode } from 'react';
import type { Cell } from './cursor';
import { MARGIN, maskPolygon } from './geometry';
import styles from './Heatmap.module.css';

export interface HeatmapAxesProps {
  readonly width: number;
  readonly height: number;
  /** Side of the map in CSS px. */
  readonly side: number;
  readonly rows: number;
  readonly cols: number;
  /** Hatch the causal mask (cells with j > i). */
  readonly showMask: boolean;
  /** Colour of the mask's stripes (CSS). */
  readonly stripe: string;
  readonly rowName: string;
  readonly colName: string;
  readonly overlay: ReactNode;
  readonly hover: Cell | null;
  readonly cursor: Cell | null;
  readonly cursorTestId: string | undefined;
}

export function HeatmapAxes({
  width,
  height,
  side,
  rows,
  cols,
  showMask,
  stripe,
  rowName,
  colName,
  overlay,
  hover,
  cursor,
  cursorTestId,
}: HeatmapAxesProps) {
  const hatchId = useId();
  const x = scaleLinear()
    .domain([0, cols || 1])
    .range([0, side]);
  const y = scaleLinear()
    .domain([0, rows || 1])
    .range([0, side]);
  const ticks = (count: number, scale: typeof x) => scale.ticks(count).filter((v) => Number.isInteger(v));
  const cellW = side / (cols || 1);
  const cellH = side / (rows || 1);
  return (
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
        {showMask && <polygon points={maskPolygon(rows, cols, side)} fill={`url(#${hatchId})`} />}
        <rect className={styles.axisLine} width={side} height={side} fill="none" />
        {overlay}
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
            x={hover.j * cellW}
            y={hover.i * cellH}
            width={Math.max(2, cellW)}
            height={Math.max(2, cellH)}
          />
        )}
        {cursor && (
          <rect
            className={styles.cursor}
            data-testid={cursorTestId}
            x={cursor.j * cellW - 1}
            y={cursor.i * cellH - 1}
            width={Math.max(4, cellW) + 2}
            height={Math.max(4, cellH) + 2}
          />
        )}
      </g>
    </svg>
  );
}
