// Lesson 13's maps: softmax's causal map (the target) beside the map the
// fitted Hedgehog features imply at the current step.
import { useMemo } from 'react';
import { hostMatrix, type FitSnapshot, type MatrixHandle } from '../../engine';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';

export function FitMaps({
  softmaxMap,
  snapshot,
  n,
  rank,
}: {
  readonly softmaxMap: MatrixHandle;
  readonly snapshot: FitSnapshot | null;
  readonly n: number;
  readonly rank: number;
}) {
  const t = useT();
  const step = snapshot?.step ?? 0;
  const implied = useMemo(
    () => (snapshot && snapshot.map.length === n * n ? hostMatrix(snapshot.map, n, n) : null),
    [snapshot, n],
  );
  return (
    <>
      <div className={styles.pair}>
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('linearise.map.softmaxTitle')}</h3>
          <Heatmap
            matrix={softmaxMap}
            causal
            label={t('linearise.map.softmaxLabel', { n })}
            rowName={t('lab.query')}
            colName={t('lab.key')}
            valueLabel={t('lab.weight')}
            testId="fit-softmax-map"
            maxSide={340}
            exportName={`softmax-map-n${n}`}
          />
        </div>
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('linearise.map.impliedTitle', { step })}</h3>
          <Heatmap
            matrix={implied}
            causal
            label={t('linearise.map.impliedLabel', { n, step, r: rank })}
            rowName={t('lab.query')}
            colName={t('lab.key')}
            valueLabel={t('lab.weight')}
            testId="heatmap"
            maxSide={340}
            exportName={`hedgehog-map-n${n}-step${step}`}
          />
        </div>
      </div>
      <p className={styles.note}>{t('linearise.map.note')}</p>
    </>
  );
}
