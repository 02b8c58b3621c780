// The simulated devices of lesson 14 as boxes on a ring, and the messages of
// one step travelling between them. Frames: 0 = local work before any message,
// 1..W−1 = the ring steps of the simulation (its recorded messages), W = the
// local finish. Play/pause/step buttons and a step slider drive it; a polite
// live region says what the current frame does, and a table lists its messages.
// With reduced motion the tokens do not travel: they are drawn at the receiver.
import { useMemo } from 'react';
import type { SimMessage } from '../../engine';
import { formatCount } from '../../components/format';
import { useElementWidth } from '../../components/hooks/useElementWidth';
import { useT } from '../../i18n';
import styles from './DeviceRing.module.css';
import { MessageLog } from './MessageLog';
import { RingDrawing } from './RingDrawing';
import { ringGeometry } from './ringGeometry';
import { RingTransport } from './RingTransport';
import { useRingPlayback } from './useRingPlayback';

export interface DeviceRingProps {
  readonly algo: 'lasp2' | 'ring';
  readonly title: string;
  readonly sizes: readonly number[];
  readonly messages: readonly SimMessage[];
  /** Floats of one device's local state (LASP-2's M_t), for the first frame's text. */
  readonly localFloats: number;
  readonly testId?: string;
}

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
  const W = sizes.length;
  const last = W; // final frame
  const playback = useRingPlayback(`${algo}|${sizes.join(',')}|${messages.length}`, last);
  const { frame, progress } = playback;
  const [frameRef, width] = useElementWidth<HTMLDivElement>(480);

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

  return (
    <figure className={styles.ring} data-testid={testId} data-frame={frame} style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, fontSize: 'var(--text-sm, 0.875rem)' }}>{title}</figcaption>
      <RingTransport playback={playback} last={last} testId={testId} />
      <p className={styles.phase} aria-live="polite" data-testid={`${testId}-phase`}>
        {phase}
      </p>
      <div ref={frameRef}>
        <RingDrawing
          geometry={ringGeometry(width, W)}
          width={width}
          sizes={sizes}
          starts={starts}
          received={received}
          current={current}
          progress={progress}
          merged={merged}
          kindLabel={kindLabel}
          testId={testId}
        />
      </div>
      <MessageLog algo={algo} current={current} merged={merged} kindLabel={kindLabel} testId={testId} />
    </figure>
  );
}
