// Lesson 9 lab: the efficient-Transformer family. One map per family of the
// survey's taxonomy, computed in float64 (a Worker) on the view's q, k, v: the
// `pattern` field picks the enlarged one; each shows its complexity, the scores
// it computes at this n, its FLOPs and its error against full softmax. A cost
// chart over n (from the definitions) shows which families stay linear.
import { useMemo } from 'react';
import { hostMatrix } from '../../engine';
import { Segmented } from '../../components/controls/Segmented';
import { FamilyGallery, FamilyTable, familyKey } from './FamilyGallery';
import { FAMILY_IDS, type FamilyId, type FamilySettings } from '../../engine';
import { useEngine } from '../../app/engine-host/useEngine';
import { useT } from '../../i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout } from '../../components/lab/Readout';
import { useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { useViewStore } from '../../state/store';
import { CostSection } from './CostSection';
import { EnlargedMap } from './EnlargedMap';
import { FamilyControls } from './FamilyControls';
import { familyItems } from './familyItems';
import { useFamilyRuns } from './useFamilyRuns';

/** Largest n of the maps: eight n×n float64 maps plus softmax's are formed per change. */
export const FAMILY_MAX_N = 1024;

export default function FamilyLab() {
  const t = useT();
  const { maxN } = useEngine();
  const pattern = useViewStore((s) => s.pattern) as FamilyId;
  const windowW = useViewStore((s) => s.window);
  const block = useViewStore((s) => s.block);
  const globals = useViewStore((s) => s.globals);
  const buckets = useViewStore((s) => s.buckets);
  const kproj = useViewStore((s) => s.kproj);
  const landmarks = useViewStore((s) => s.landmarks);
  const setView = useViewStore((s) => s.setView);
  const labMaxN = Math.min(FAMILY_MAX_N, maxN ?? FAMILY_MAX_N);
  const inputs = useProblemInputs(labMaxN);
  const settings: FamilySettings = useMemo(
    () => ({ window: windowW, block, globals, buckets, kproj, landmarks }),
    [windowW, block, globals, buckets, kproj, landmarks],
  );
  const problem = useProblem(inputs);
  const { gallery, costs, onGpu, gpuMap, gpuDiff, current } = useFamilyRuns(
    inputs,
    problem,
    settings,
    pattern,
  );
  const value = gallery.value;
  const n = value?.n ?? inputs.n;
  const cpuMatrix = useMemo(
    () => (current?.map && value ? hostMatrix(current.map, value.n, value.n) : null),
    [current, value],
  );

  return (
    <div className={styles.lab}>
      <Segmented
        label={t('family.pattern')}
        value={pattern}
        options={FAMILY_IDS.map((id) => ({ value: id, label: t(familyKey('short', id)) }))}
        onChange={(id) => setView({ pattern: id })}
        testId="pattern-select"
      />
      <FamilyControls />
      <InputControls show={['n', 'd', 'seed']} maxN={labMaxN} />
      <p className={styles.note}>
        {t('family.capNote', { max: labMaxN })} {t('family.noncausalNote')}
      </p>
      {gallery.pending && (
        <progress
          className={styles.progress}
          value={gallery.progress}
          max={1}
          aria-label={t('family.progress')}
          data-testid="family-progress"
        />
      )}
      <Readout
        computingText={t('view.computing')}
        items={familyItems(t, gallery, current, n, onGpu ? gpuDiff : null)}
      />
      <EngineErrorNote error={gallery.error ?? costs.error} />
      <EnlargedMap
        pattern={pattern}
        current={current}
        matrix={onGpu ? (gpuMap.value ?? null) : cpuMatrix}
        pending={gallery.pending || (onGpu && gpuMap.pending)}
        onGpu={onGpu}
        gpuMap={gpuMap}
        n={n}
      />
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('family.gallery.title')}</h3>
        <FamilyGallery
          gallery={value}
          selected={pattern}
          onSelect={(id) => setView({ pattern: id })}
          pending={gallery.pending}
        />
        {value && <FamilyTable gallery={value} />}
      </div>
      <CostSection costs={costs} n={n} />
    </div>
  );
}
