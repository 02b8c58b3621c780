// The frame every SVG chart shares: a figure with its caption, the plot area
// (an svg labelled by the caption, inner group shifted by the margins, dimmed
// while a result is pending) and the export buttons; plus the y grid, the
// x axis and the y-axis label that the charts draw the same way.
import { useId, useRef, type ReactNode } from 'react';
import { ExportButtons, type ExportButtonsProps } from '../export/ExportButtons';
import styles from './Chart.module.css';

export interface ChartFrameProps {
  /** From useElementWidth: the plot area's element and its measured width. */
  readonly frameRef: (node: HTMLDivElement | null) => void;
  readonly width: number;
  readonly title: ReactNode;
  readonly height: number;
  readonly margin: { readonly left: number; readonly top: number };
  readonly testId?: string;
  /** Dims the plot and marks the figure while a newer result is computed; charts that never wait leave it out. */
  readonly pending?: boolean;
  /** Between the caption and the plot. */
  readonly header?: ReactNode;
  /** Between the plot and the export buttons: legend, table of numbers. */
  readonly footer?: ReactNode;
  readonly exports: Omit<ExportButtonsProps, 'svgRef'>;
  /** The drawing, in the inner coordinates (margins already applied). */
  readonly children: ReactNode;
}

export function ChartFrame({
  frameRef,
  width,
  title,
  height,
  margin,
  testId,
  pending,
  header,
  footer,
  exports,
  children,
}: ChartFrameProps) {
  const svgRef = useRef<SVGSVGElement | null>(null);
  const titleId = useId();
  return (
    <figure className={styles.figure} data-testid={testId} data-pending={pending ? 'true' : undefined}>
      <figcaption id={titleId} className={styles.caption}>
        {title}
      </figcaption>
      {header}
      <div ref={frameRef} style={pending === undefined ? undefined : { opacity: pending ? 0.55 : 1 }}>
        <svg
          ref={svgRef}
          className={styles.svg}
          width={width}
          height={height}
          role="img"
          aria-labelledby={titleId}
        >
          <g transform={`translate(${margin.left}, ${margin.top})`}>{children}</g>
        </svg>
      </div>
      {footer}
      <ExportButtons svgRef={svgRef} {...exports} />
    </figure>
  );
}

type Scale = (value: number) => number;
type Format = (value: number) => ReactNode;

/** Horizontal grid lines across the plot with their values on the left. */
export function YGrid({
  scale,
  ticks,
  width,
  format,
}: {
  readonly scale: Scale;
  readonly ticks: readonly number[];
  readonly width: number;
  readonly format: Format;
}) {
  return ticks.map((v) => (
    <g key={`y${v}`} transform={`translate(0, ${scale(v)})`}>
      <line className={styles.gridLine} x2={width} />
      <text className={styles.tick} x={-6} dy="0.32em" textAnchor="end">
        {format(v)}
      </text>
    </g>
  ));
}

/** Tick marks and values under the plot, the baseline, and the axis label centred below. */
export function XAxis({
  scale,
  ticks,
  width,
  height,
  format,
  label,
  labelGap = 34,
}: {
  readonly scale: Scale;
  readonly ticks: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly format: Format;
  readonly label: ReactNode;
  /** Distance from the baseline to the label's baseline. */
  readonly labelGap?: number;
}) {
  return (
    <>
      {ticks.map((v) => (
        <g key={`x${v}`} transform={`translate(${scale(v)}, ${height})`}>
          <line className={styles.tickLine} y2={4} />
          <text className={styles.tick} y={15} textAnchor="middle">
            {format(v)}
          </text>
        </g>
      ))}
      <line className={styles.tickLine} y1={height} y2={height} x2={width} />
      <text className={styles.axisLabel} x={width / 2} y={height + labelGap} textAnchor="middle">
        {label}
      </text>
    </>
  );
}

/** The y-axis label, above the plot at the left edge of the margin. */
export function YLabel({
  marginLeft,
  children,
}: {
  readonly marginLeft: number;
  readonly children: ReactNode;
}) {
  return (
    <text className={styles.axisLabel} x={-marginLeft + 2} y={-10}>
      {children}
    </text>
  );
}
