// The second-order state of HLA at token t: S^K (dk×dk), C and G (dk×dv) as
// three diverging heatmaps (each with its own colour scale: their sizes differ
// by a factor of t), a t scrubber, and their Frobenius norms over t with t marked.
import { useMemo } from 'react';
import { hostMatrix } from '../../engine';
import { LineChart } from '../../components/charts/LineChart';
import { Slider } from '../../components/controls/Slider';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { splitState } from './numbers';

export interface HlaStateViewProps {
  /** The packed state [S^K, C, G] after token t, or null while it computes. */
  readonly state: Float64Array | null;
  readonly dk: number;
  readonly dv: number;
  readonly t: number;
  readonly n: number;
  readonly onTChange: (t: number) => void;
  /** ‖S^K_t‖_F, ‖C_t‖_F, ‖G_t‖_F for t = 1..n (index t − 1). */
  readonly norms: {
    readonly s: ArrayLike<number>;
    readonly c: ArrayLike<number>;
    readonly g: ArrayLike<number>;
  };
  readonly pending?: boolean;
}

function points(values: ArrayLike<number>) {
  return Array.from(values, (y, i) => ({ x: i + 1, y }));
}

export function HlaStateView({ state, dk, dv, t, n, onTChange, norms, pending }: HlaStateViewProps) {
  const tr = useT();
  const blocks = useMemo(() => {
    if (!state) return null;
    const { s, c, g } = splitState(state, dk, dv);
    return { s: hostMatrix(s, dk, dk), c: hostMatrix(c, dk, dv), g: hostMatrix(g, dk, dv) };
  }, [state, dk, dv]);
  const maps = [
    { id: 's', matrix: blocks?.s ?? null, rows: 'hla.state.keyFeature', cols: 'hla.state.keyFeature' },
    { id: 'c', matrix: blocks?.c ?? null, rows: 'hla.state.queryFeature', cols: 'hla.state.valueFeature' },
    { id: 'g', matrix: blocks?.g ?? null, rows: 'hla.state.keyFeature', cols: 'hla.state.valueFeature' },
  ] as const;
  return (
    <div className={styles.section}>
      <Slider
        label={tr('state.t')}
        value={t}
        min={1}
        max={n}
        step={1}
        onChange={onTChange}
        format={(value) => `${value} / ${n}`}
        testId="hla-t"
      />
      <div className={styles.pair}>
        {maps.map((map) => (
          <figure key={map.id} className={styles.section} style={{ margin: 0 }}>
            <figcaption className={styles.note}>{tr(`hla.state.${map.id}.label`, { t })}</figcaption>
            <Heatmap
              matrix={map.matrix}
              causal={false}
              colorMap="diverging"
              label={tr(`hla.state.${map.id}.label`, { t })}
              rowName={tr(map.rows)}
              colName={tr(map.cols)}
              valueLabel={tr(`hla.state.${map.id}.value`, { t })}
              testId={`hla-state-${map.id}`}
              maxSide={220}
              pending={pending}
              exportName={`hla-${map.id}-t${t}`}
            />
          </figure>
        ))}
      </div>
      <LineChart
        title={tr('hla.state.normTitle')}
        series={[
          { id: 's', label: '‖S^K_t‖_F', points: points(norms.s) },
          { id: 'c', label: '‖C_t‖_F', points: points(norms.c) },
          { id: 'g', label: '‖G_t‖_F', points: points(norms.g) },
        ]}
        xLabel={tr('state.tAxis')}
        yLabel={tr('hla.state.normAxis')}
        yAxis="log10"
        markerX={t}
        height={200}
        testId="hla-state-norms"
      />
    </div>
  );
}
