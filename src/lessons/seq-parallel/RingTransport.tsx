// The device ring's transport: reset, previous, play / pause, next, and a
// slider over the frames.
import { Slider } from '../../components/controls/Slider';
import { useT } from '../../i18n';
import styles from './DeviceRing.module.css';
import type { RingPlayback } from './useRingPlayback';

export function RingTransport({
  playback,
  last,
  testId,
}: {
  readonly playback: RingPlayback;
  /** The final frame. */
  readonly last: number;
  readonly testId: string;
}) {
  const t = useT();
  const { frame, isPlaying, goTo, toggle } = playback;
  return (
    <div className={styles.buttons}>
      <button type="button" className="button" onClick={() => goTo(0)} data-testid={`${testId}-reset`}>
        {t('sp.ring.reset')}
      </button>
      <button
        type="button"
        className="button"
        disabled={frame === 0}
        onClick={() => goTo((f) => Math.max(0, f - 1))}
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
        onClick={() => goTo((f) => Math.min(last, f + 1))}
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
          onChange={(k) => goTo(k)}
          testId={`${testId}-step`}
        />
      </div>
    </div>
  );
}
