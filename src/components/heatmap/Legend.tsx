// Colour legend of a matrix view: the colour ramp with its domain, what the
// value is, the masked-cell swatch, and how pixels pool cells.
import { scaleLinear, scalePow } from 'd3-scale';
import { useId } from 'react';
import { formatNumber } from '../format';
import { LUT_SIZE, lutCss, maskColors, type ColorLut, type Theme } from './colorMaps';

export interface LegendProps {
  readonly lut: ColorLut;
  readonly lo: number;
  readonly hi: number;
  /** Power of the colour scale: the ramp's ticks are placed on the same scale. */
  readonly gamma: number;
  readonly valueLabel: string;
  /** How the ramp maps values, when not linear ("square-root scale"). */
  readonly scaleNote?: string;
  readonly theme: Theme;
  /** Text of the masked-cell swatch, or null when nothing is masked. */
  readonly maskLabel: string | null;
  readonly width: number;
}

const STOPS = 16;
/** Room left of the ramp, px. */
const LEFT_PAD = 8;
/** Half the width of one digit of the 11 px tick labels, px (an estimate: no text is measured). */
const LABEL_CHAR_HALF_WIDTH = 3.4;

export function Legend({ lut, lo, hi, gamma, valueLabel, scaleNote, theme, maskLabel, width }: LegendProps) {
  const gradientId = useId();
  const hatchId = useId();
  const rampWidth = Math.max(120, Math.min(260, width - (maskLabel ? 150 : 20)));
  const x = scalePow().exponent(gamma).domain([lo, hi]).range([0, rampWidth]);
  const ticks =
    gamma === 1
      ? x.ticks(4)
      : [
          lo,
          ...scaleLinear()
            .domain([lo, hi])
            .ticks(4)
            .filter((v) => v > lo),
        ].filter((v, i, all) => i === 0 || x(v) - x(all[i - 1]) > 22);
  const mask = maskColors(theme);
  const rgb = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
  const height = 44;
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`${valueLabel}: ${formatNumber(lo)} – ${formatNumber(hi)}`}
    >
      <defs>
        <linearGradient id={gradientId}>
          {Array.from({ length: STOPS + 1 }, (_, s) => (
            <stop
              key={s}
              offset={`${(100 * s) / STOPS}%`}
              stopColor={lutCss(lut, Math.round((s / STOPS) * (LUT_SIZE - 1)))}
            />
          ))}
        </linearGradient>
        <pattern
          id={hatchId}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill={rgb(mask.base)} />
          <line x1="0" y1="0" x2="0" y2="6" stroke={rgb(mask.stripe)} strokeWidth="3" />
        </pattern>
      </defs>
      <g transform={`translate(${LEFT_PAD}, 4)`} fontSize="11" fill="currentColor">
        <text x={0} y={9}>
          {scaleNote ? `${valueLabel} · ${scaleNote}` : valueLabel}
        </text>
        <rect x={0} y={14} width={rampWidth} height={10} fill={`url(#${gradientId})`} rx={2} />
        {ticks.map((tick) => {
          const label = formatNumber(tick);
          const at = x(tick);
          // A centred label at the left end (e.g. "-10000" of a diverging map) would
          // start left of the picture's edge: start it at the edge instead.
          const half = label.length * LABEL_CHAR_HALF_WIDTH;
          const clipped = at - half < -LEFT_PAD;
          return (
            <g key={tick} transform={`translate(${at}, 24)`}>
              <line y2={4} stroke="currentColor" />
              <text y={15} x={clipped ? -LEFT_PAD - at : 0} textAnchor={clipped ? 'start' : 'middle'}>
                {label}
              </text>
            </g>
          );
        })}
        {maskLabel && (
          <g transform={`translate(${rampWidth + 20}, 14)`}>
            <rect width={14} height={10} fill={`url(#${hatchId})`} stroke={rgb(mask.stripe)} />
            <text x={20} y={9}>
              {maskLabel}
            </text>
          </g>
        )}
      </g>
    </svg>
  );
}
