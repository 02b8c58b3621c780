// The device ring drawn: one box per device (its tokens and the floats it has
// received so far), the current frame's messages as arrows, and their tokens
// travelling along the arrows (hatched where Ring Attention's mask drops them).
import type { SimMessage } from '../../engine';
import { formatCount } from '../../components/format';
import { useT } from '../../i18n';
import styles from './DeviceRing.module.css';
import { RING_HEIGHT, type RingGeometry } from './ringGeometry';

export function RingDrawing({
  geometry,
  width,
  sizes,
  starts,
  received,
  current,
  progress,
  merged,
  kindLabel,
  testId,
}: {
  readonly geometry: RingGeometry;
  readonly width: number;
  /** Tokens per device. */
  readonly sizes: readonly number[];
  /** First token of each device (0-based). */
  readonly starts: readonly number[];
  /** Floats each device has received up to the current frame. */
  readonly received: readonly number[];
  /** The current frame's messages. */
  readonly current: readonly SimMessage[];
  /** Travel of the tokens, 0..1. */
  readonly progress: number;
  readonly merged: (m: SimMessage) => boolean;
  readonly kindLabel: (m: SimMessage) => string;
  readonly testId: string;
}) {
  const t = useT();
  const { radius, boxW, boxH, showText, pos, arc, along } = geometry;
  const W = sizes.length;
  return (
    <svg className={styles.svg} width={width} height={RING_HEIGHT} aria-hidden="true">
      <defs>
        <marker
          id={`${testId}-head`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" style={{ fill: 'var(--accent, #2a6fdb)' }} />
        </marker>
      </defs>
      {current.map((m) => {
        // Start and end a little way along the arc, so the arrowhead sits outside the boxes.
        const { c } = arc(m.from, m.to);
        const arcLength = W === 2 ? Math.PI * radius : (2 * Math.PI * radius) / W;
        const trim = Math.min(0.4, (Math.max(boxW, boxH) * 0.45 + 6) / arcLength);
        const p = along(m.from, m.to, trim);
        const q = along(m.from, m.to, 1 - trim);
        return (
          <path
            key={`a${m.from}`}
            className={`${styles.arrow} ${merged(m) ? '' : styles.arrowMasked}`}
            d={`M ${p.x} ${p.y} Q ${c.x} ${c.y} ${q.x} ${q.y}`}
            markerEnd={`url(#${testId}-head)`}
          />
        );
      })}
      {sizes.map((size, d) => {
        const { x, y } = pos(d);
        const active = current.some((m) => m.to === d);
        return (
          <g key={d} transform={`translate(${x - boxW / 2}, ${y - boxH / 2})`}>
            <rect
              className={`${styles.box} ${active ? styles.boxActive : ''}`}
              width={boxW}
              height={boxH}
              rx={5}
            />
            {showText ? (
              <>
                <text className={styles.label} x={boxW / 2} y={14} textAnchor="middle">
                  {t('sp.ring.device', { t: d + 1 })}
                </text>
                <text className={styles.sub} x={boxW / 2} y={27} textAnchor="middle">
                  {t('sp.ring.tokens', { from: starts[d] + 1, to: starts[d] + size })}
                </text>
                <text className={styles.sub} x={boxW / 2} y={40} textAnchor="middle">
                  {t('sp.ring.received', { floats: formatCount(received[d]) })}
                </text>
              </>
            ) : (
              boxW >= 18 && (
                <text className={styles.label} x={boxW / 2} y={boxH / 2} dy="0.35em" textAnchor="middle">
                  {d + 1}
                </text>
              )
            )}
          </g>
        );
      })}
      {current.map((m) => {
        const at = along(m.from, m.to, progress);
        const r = W <= 12 ? 13 : 5;
        return (
          <g key={`t${m.from}`} transform={`translate(${at.x}, ${at.y})`}>
            <circle className={merged(m) ? styles.token : styles.tokenMasked} r={r} />
            {W <= 12 && (
              <text className={styles.tokenText} textAnchor="middle" dy="0.35em">
                {kindLabel(m)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
