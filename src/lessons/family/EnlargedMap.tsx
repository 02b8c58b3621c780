// Lesson 9's enlarged map: the chosen family's n×n map (from the GPU kernels
// on WebGPU, else the float64 reference), where it came from, and the
// family's place in the taxonomy, its cost and what it gives up.
import type { LatestRun } from '../../app/engine-host/useEngine';
import type { MatrixHandle } from '../../engine';
import type { FamilyEntry, FamilyId } from '../../engine';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useT } from '../../i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import styles from '../../components/lab/Lab.module.css';
import { familyKey } from './FamilyGallery';

export function EnlargedMap({
  pattern,
  current,
  matrix,
  pending,
  onGpu,
  gpuMap,
  n,
}: {
  readonly pattern: FamilyId;
  readonly current: FamilyEntry | undefined;
  readonly matrix: MatrixHandle | null;
  readonly pending: boolean;
  readonly onGpu: boolean;
  readonly gpuMap: LatestRun<MatrixHandle>;
  readonly n: number;
}) {
  const t = useT();
  const name = t(familyKey('name', pattern));
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{name}</h3>
      {current && !current.map && (
        <p className={styles.error}>{t('family.unavailable', { reason: current.unavailable ?? '' })}</p>
      )}
      <Heatmap
        matrix={matrix}
        causal={false}
        colorMap={pattern === 'linformer' || pattern === 'nystrom' ? 'diverging' : 'sequential'}
        label={t('family.map.label', { name, n })}
        rowName={t('family.map.row')}
        colName={t('family.map.col')}
        valueLabel={t('family.map.value')}
        pending={pending}
        unavailable={current !== undefined && !current.map}
        exportName={`family-${pattern}-n${n}`}
        testId="heatmap"
      />
      <p className={styles.note} data-testid="family-map-source">
        {t(onGpu ? 'family.source.gpu' : 'family.source.cpu')}
      </p>
      {onGpu && current?.map && <EngineErrorNote error={gpuMap.error} />}
      <p className={styles.note}>
        {t(familyKey('taxonomy', pattern))} · {t(familyKey('cost', pattern))} ·{' '}
        {t(familyKey('gives', pattern))}
      </p>
    </div>
  );
}
