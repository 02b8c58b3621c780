// The chunk form drawn over an attention map: the intra-chunk blocks on the
// diagonal (computed as small quadratic products, causal inside), the
// inter-chunk parts left of them (never formed: read from the state that the
// earlier chunks left), and the state S passed from chunk to chunk, drawn in
// the masked upper triangle. `chunkOverlay` returns SVG for Heatmap's overlay.
import { useId } from 'react';
import { useT } from '../../i18n';
import styles from './ChunkOverlay.module.css';

/** Smallest chunk, in screen pixels, whose state marker is drawn (smaller chunks get the line only). */
const MARKER_MIN_PX = 24;

export interface ChunkGeometry {
  readonly side: number;
  readonly rows: number;
}

export function chunkCount(n: number, chunk: number): number {
  return Math.ceil(n / chunk);
}

export function ChunkOverlay({ side, rows, chunk }: ChunkGeometry & { readonly chunk: number }) {
  const arrowId = useId();
  const count = chunkCount(rows, chunk);
  const scale = side / rows;
  const chunkPx = chunk * scale;
  const blocks = Array.from({ length: count }, (_, c) => {
    const start = c * chunk;
    const size = Math.min(chunk, rows - start);
    return { c, start, size };
  });
  const markers = chunkPx >= MARKER_MIN_PX;
  const radius = Math.min(9, chunkPx / 3);
  // State after chunk c sits just above the diagonal at the chunk's end.
  const stateAt = (c: number) => {
    const edge = Math.min(rows, (c + 1) * chunk) * scale;
    return { x: Math.min(side - radius - 1, edge + radius + 2), y: Math.max(radius + 1, edge - radius - 2) };
  };
  return (
    <g data-testid="chunk-overlay" data-chunks={count} data-chunk={chunk}>
      <defs>
        <marker
          id={arrowId}
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L8,4 L0,8 z" className={styles.arrowHead} />
        </marker>
      </defs>
      {blocks.map(({ c, start, size }) =>
        c > 0 ? (
          <rect
            key={`inter-${c}`}
            className={styles.inter}
            data-part="inter"
            x={0}
            y={start * scale}
            width={start * scale}
            height={size * scale}
          />
        ) : null,
      )}
      {blocks.map(({ c, start, size }) => (
        <rect
          key={`intra-${c}`}
          className={styles.intra}
          data-part="intra"
          x={start * scale}
          y={start * scale}
          width={size * scale}
          height={size * scale}
        />
      ))}
      {count > 1 &&
        (markers ? (
          blocks.slice(0, -1).map(({ c }) => {
            const from = stateAt(c);
            const to = stateAt(c + 1);
            const last = c === count - 2;
            return (
              <g key={`state-${c}`} data-part="state">
                {!last && (
                  <line
                    className={styles.pass}
                    x1={from.x + radius * 0.7}
                    y1={from.y + radius * 0.7}
                    x2={to.x - radius * 0.7 - 1}
                    y2={to.y - radius * 0.7 - 1}
                    markerEnd={`url(#${arrowId})`}
                  />
                )}
                <circle className={styles.state} cx={from.x} cy={from.y} r={radius} />
                <text className={styles.stateText} x={from.x} y={from.y} dy="0.35em" textAnchor="middle">
                  S
                </text>
              </g>
            );
          })
        ) : (
          <line
            className={styles.pass}
            data-part="state-line"
            x1={stateAt(0).x}
            y1={stateAt(0).y}
            x2={stateAt(count - 2).x}
            y2={stateAt(count - 2).y}
            markerEnd={`url(#${arrowId})`}
          />
        ))}
    </g>
  );
}

/** The colour key under the map. */
export function ChunkKey() {
  const t = useT();
  return (
    <ul className={styles.key} aria-hidden="true">
      <li>
        <span className={styles.swatchIntra} />
        {t('chunking.key.intra')}
      </li>
      <li>
        <span className={styles.swatchInter} />
        {t('chunking.key.inter')}
      </li>
      <li>
        <span className={styles.swatchState} />
        {t('chunking.key.state')}
      </li>
    </ul>
  );
}
