// Infini-attention's implied map (from the engine): exact softmax inside each
// segment, the memory's linear-attention weights before it, mixed by the gate.
import type { MatrixHandle } from '../../engine';
import type { LatestRun } from '../../app/engine-host/useEngine';
import { formatNumber } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';

export function InfiniMapSection({
  weights,
  n,
  segment,
  gate,
}: {
  readonly weights: LatestRun<MatrixHandle>;
  readonly n: number;
  readonly segment: number;
  readonly gate: number;
}) {
  const t = useT();
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('hybrids.map.title')}</h3>
      <Heatmap
        matrix={weights.value ?? null}
        pending={weights.pending}
        causal
        label={t('hybrids.map.label', { n, segment, gate: formatNumber(gate, 3) })}
        rowName={t('lab.query')}
        colName={t('lab.key')}
        valueLabel={t('lab.weight')}
        testId="heatmap"
        maxSide={360}
        exportName={`infini-map-n${n}-seg${segment}`}
      />
      <p className={styles.note}>{t('hybrids.map.note')}</p>
    </div>
  );
}
