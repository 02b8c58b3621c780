// The simulated devices of lesson 14 as boxes on a ring, and the messages of
// one step travelling between them. Frames: 0 = local work before any message,
// 1..W−1 = the ring steps of the simulation (its recorded messages), W = the
// local finish. Play/pause/step buttons and a step slider drive it; a polite
// live region says what the current frame does, and a table lists its messages.
// With reduced motion the tokens do not travel: they are drawn at the receiver.
import { useEffect, useMemo, useState } from 'react';
import type { SimMessage } from '../../engine';
import { Slider } from '../../components/controls/Slider';
import { formatCount } from '../../components/format';
import { useElementWidth } from '../../components/hooks/useElementWidth';
import { useReducedMotion } from '../../components/hooks/useReducedMotion';
import { useT } from '../../components/i18n';
import styles from './DeviceRing.module.css';

export interface DeviceRingProps {
  readonly algo: 'lasp2' | 'ring';
  readonly title: string;
  readonly sizes: readonly number[];
  readonly messages: readonly SimMessage[];
  /** Floats of one device's local state (LASP-2's M_t), for the first frame's text. */
  readonly localFloats: number;
  readonly testId?: string;
}

const HEIGHT = 300;
const TRAVEL_MS = 900;

/** Subscript digits for M₁, KV₂ (1-based device numbers). */
function subscript(n: number): string {
  return String(n).replace(/\d/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)]);
}

export function DeviceRing({
  algo,
  title,
  sizes,
  messages,
  localFloats,
  testId = 'device-ring',
}: DeviceRingProps) {
  const t = useT();
  const reduced = useReducedMotion();
  const W = sizes.length;
  const last = W; // final frame
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  // Travel progress of the current frame's tokens, keyed by the frame it belongs to.
  const [travel, setTravel] = useState<{ frame: number; p: number }>({ frame: -1, p: 1 });
  const [frameRef, width] = useElementWidth<HTMLDivElement>(480);

  // A new simulation (W, n, algorithm) starts from the first frame (state adjusted during render).
  const signature = `${algo}|${sizes.join(',')}|${messages.length}`;
  const [seen, setSeen] = useState(signature);
  if (seen !== signature) {
    setSeen(signature);
    setFrame(0);
    setPlaying(false);
  }
  const isPlaying = playing && frame < last;

  // Play: advance one frame per interval; it stops by itself at the last frame.
  useEffect(() => {
    if (!isPlaying) return;
    const id = window.setTimeout(
      () => setFrame((f) => Math.min(last, f + 1)),
      reduced ? 1800 : TRAVEL_MS + 500,
    );
    return () => window.clearTimeout(id);
  }, [isPlaying, frame, last, reduced]);

  // Tokens travel during a communication frame (not with reduced motion).
  const animated = !reduced && frame > 0 && frame < last;
  useEffect(() => {
    if (!animated) return;
    let raf = 0;
    const start = performance.now();
    const tick = (now: number) => {
      const p = Math.min(1, (now - start) / TRAVEL_MS);
      setTravel({ frame, p });
      if (p < 1) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [frame, animated]);
  const progress = !animated ? 1 : travel.frame === frame ? travel.p : 0;

  const starts = useMemo(() => {
    const out: number[] = [];
    let at = 0;
    for (const s of sizes) {
      out.push(at);
      at += s;
    }
    return out;
  }, [sizes]);
  const current = messages.filter((m) => m.step === frame && frame < last);
  const received = useMemo(() => {
    const out = new Array<number>(W).fill(0);
    for (const m of messages) if (m.step <= frame) out[m.to] += m.floats;
    return out;
  }, [messages, frame, W]);

  // Geometry: boxes on a circle, sized to fit.
  const cx = width / 2;
  const cy = HEIGHT / 2;
  const radius = Math.max(40, Math.min(width / 2 - 60, HEIGHT / 2 - 40));
  const boxW = Math.max(14, Math.min(96, ((2 * Math.PI * radius) / Math.max(W, 1)) * 0.72));
  const boxH = boxW >= 70 ? 48 : Math.max(12, boxW * 0.6);
  const showText = boxW >= 70;
  const pos = (d: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * d) / W;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  };
  // Quadratic arc from device a to b, bulging outwards.
  const arc = (a: number, b: number) => {
    const p = pos(a);
    const q = pos(b);
    const mx = (p.x + q.x) / 2;
    const my = (p.y + q.y) / 2;
    const dx = mx - cx;
    const dy = my - cy;
    const len = Math.hypot(dx, dy) || 1;
    if (W === 2) {
      // Top and bottom boxes: one arc on each side so the two messages do not overlap.
      return { p, q, c: { x: cx + (a === 0 ? 1 : -1) * radius * 0.7, y: cy } };
    }
    const bulge = radius * 0.25;
    const c = { x: mx + (dx / len) * bulge, y: my + (dy / len) * bulge };
    return { p, q, c };
  };
  const along = (a: number, b: number, s: number) => {
    const { p, q, c } = arc(a, b);
    const u = 1 - s;
    return { x: u * u * p.x + 2 * u * s * c.x + s * s * q.x, y: u * u * p.y + 2 * u * s * c.y + s * s * q.y };
  };

  const merged = (m: SimMessage) => algo === 'lasp2' || m.origin < m.to;
  const kindLabel = (m: SimMessage) => `${m.kind}${subscript(m.origin + 1)}`;
  const phase =
    W === 1
      ? t('sp.ring.oneDevice')
      : frame === 0
        ? t(`sp.ring.phase.${algo}.local`, { floats: formatCount(localFloats) })
        : frame >= last
          ? t(`sp.ring.phase.${algo}.final`)
          : t(`sp.ring.phase.${algo}.comm`, {
              s: frame,
              last: W - 1,
              floats: formatCount(current[0]?.floats ?? 0),
            });

  const toggle = () => {
    if (isPlaying) {
      setPlaying(false);
      return;
    }
    if (frame >= last) setFrame(0);
    setPlaying(true);
  };

  return (
    <figure className={styles.ring} data-testid={testId} data-frame={frame} style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, fontSize: 'var(--text-sm, 0.875rem)' }}>{title}</figcaption>
      <div className={styles.buttons}>
        <button
          type="button"
          className="button"
          onClick={() => (setPlaying(false), setFrame(0))}
          data-testid={`${testId}-reset`}
        >
          {t('sp.ring.reset')}
        </button>
        <button
          type="button"
          className="button"
          disabled={frame === 0}
          onClick={() => (setPlaying(false), setFrame((f) => Math.max(0, f - 1)))}
          data-testid={`${testId}-prev`}
        >
          {t('sp.ring.prev')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={isPlaying}
          onClick={toggle}
          data-testid={`${testId}-play`}
        >
          {isPlaying ? t('view.pause') : t('view.play')}
        </button>
        <button
          type="button"
          className="button"
          disabled={frame >= last}
          onClick={() => (setPlaying(false), setFrame((f) => Math.min(last, f + 1)))}
          data-testid={`${testId}-next`}
        >
          {t('sp.ring.next')}
        </button>
        <div style={{ minWidth: '11rem', flex: '1 1 11rem' }}>
          <Slider
            label={t('sp.ring.step')}
            value={frame}
            min={0}
            max={last}
            step={1}
            format={(k) => t('sp.ring.stepOf', { k, total: last })}
            onChange={(k) => (setPlaying(false), setFrame(k))}
            testId={`${testId}-step`}
          />
        </div>
      </div>
      <p className={styles.phase} aria-live="polite" data-testid={`${testId}-phase`}>
        {phase}
      </p>
      <div ref={frameRef}>
        <svg className={styles.svg} width={width} height={HEIGHT} aria-hidden="true">
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
      </div>
      <details className={styles.details}>
        <summary>{t('sp.ring.log')}</summary>
        {current.length === 0 ? (
          <p className={styles.phase}>{t('sp.ring.noComm')}</p>
        ) : (
          <table className={styles.table} data-testid={`${testId}-log`}>
            <thead>
              <tr>
                <th scope="col">{t('sp.ring.col.from')}</th>
                <th scope="col">{t('sp.ring.col.to')}</th>
                <th scope="col">{t('sp.ring.col.carries')}</th>
                <th scope="col">{t('sp.ring.col.floats')}</th>
              </tr>
            </thead>
            <tbody>
              {current.map((m) => (
                <tr key={m.from}>
                  <td>{t('sp.ring.device', { t: m.from + 1 })}</td>
                  <td>{t('sp.ring.device', { t: m.to + 1 })}</td>
                  <td>
                    {kindLabel(m)}
                    {algo === 'ring' && ` (${merged(m) ? t('sp.ring.merged') : t('sp.ring.masked')})`}
                  </td>
                  <td>{m.floats}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  );
}
