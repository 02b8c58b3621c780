// The recurrent state S_t of linear attention as a diverging heatmap (centred
// at 0), a t scrubber with play/pause, and ‖S_t‖_F over t with t marked.
import { useEffect, useState } from 'react';
import type { MatrixHandle } from '../../engine';
import { Heatmap } from '../heatmap/Heatmap';
import { Slider } from '../controls/Slider';
import { LineChart } from '../charts/LineChart';
import { useReducedMotion } from '../hooks/useReducedMotion';
import { useT } from '../../i18n';
import { nextT, playbackPlan } from './playback';
import styles from './StateMatrixView.module.css';

export interface StateMatrixViewProps {
  /** S_t (dk×dv), or null while it computes. */
  readonly state: MatrixHandle | null;
  readonly t: number;
  readonly n: number;
  readonly onTChange: (t: number) => void;
  /** ‖S_t‖_F for t = 1..n (index t − 1). */
  readonly norms: readonly number[];
  readonly pending?: boolean;
  readonly testId?: string;
}

export function StateMatrixView({
  state,
  t,
  n,
  onTChange,
  norms,
  pending,
  testId = 'state',
}: StateMatrixViewProps) {
  const tr = useT();
  const reducedMotion = useReducedMotion();
  const [playing, setPlaying] = useState(false);
  const { stride, intervalMs } = playbackPlan(n, reducedMotion);

  // Advance while playing; stop at n. The interval restarts from the latest t.
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      const next = nextT(t, n, { stride, intervalMs });
      if (next === null) setPlaying(false);
      else onTChange(next);
    }, intervalMs);
    return () => clearTimeout(timer);
  }, [playing, t, n, stride, intervalMs, onTChange]);

  const togglePlay = () => {
    if (!playing && t >= n) onTChange(1);
    setPlaying(!playing);
  };

  return (
    <div className={styles.view}>
      <div className={styles.scrub}>
        <div className={styles.slider}>
          <Slider
            label={tr('state.t')}
            value={t}
            min={1}
            max={n}
            step={1}
            onChange={(value) => {
              setPlaying(false);
              onTChange(value);
            }}
            format={(value) => `${value} / ${n}`}
            testId={`${testId}-t`}
          />
        </div>
        <button
          type="button"
          className="button"
          aria-pressed={playing}
          data-testid={`${testId}-play`}
          onClick={togglePlay}
        >
          {playing ? tr('view.pause') : tr('view.play')}
        </button>
      </div>
      <Heatmap
        matrix={state}
        causal={false}
        colorMap="diverging"
        label={tr('state.label', { t })}
        rowName={tr('state.rowName')}
        colName={tr('state.colName')}
        valueLabel={tr('state.value', { t })}
        testId={`${testId}-heatmap`}
        maxSide={300}
        pending={pending}
        exportName={`state-t${t}`}
      />
      <LineChart
        title={tr('state.normTitle')}
        series={[{ id: 'norm', label: '‖S_t‖_F', points: norms.map((y, i) => ({ x: i + 1, y })) }]}
        xLabel={tr('state.tAxis')}
        yLabel="‖S_t‖_F"
        markerX={t}
        height={180}
        testId={`${testId}-norms`}
      />
    </div>
  );
}
