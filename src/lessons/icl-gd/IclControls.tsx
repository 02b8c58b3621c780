// Lesson 15's controls. On the worked example the task is fixed: the sliders
// of M, d and the noise show its values and are disabled.
import type { IclTask } from '../../engine';
import { SeedField } from '../../components/controls/SeedField';
import { StoreSlider } from '../../components/controls/StoreSlider';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { LIMITS } from '../../state/limits';
import { useViewStore } from '../../state/store';

/** This lab's dimensions: small enough to print vectors and Γ. */
export const ICL_D_VALUES = [2, 3, 4, 5, 6, 7, 8];

export function IclControls({ task, worked }: { readonly task: IclTask; readonly worked: boolean }) {
  const t = useT();
  const setView = useViewStore((s) => s.setView);
  const seed = useViewStore((s) => s.seed);
  return (
    <div className={styles.controls}>
      <StoreSlider
        field="precond"
        label={t('icl.precond')}
        hint={t('icl.precondHint')}
        testId="precond-slider"
      />
      <StoreSlider
        field="examples"
        label={t('icl.examples')}
        value={task.M}
        grid="log"
        disabled={worked}
        testId="examples-slider"
      />
      <StoreSlider
        field="d"
        label={t('icl.d')}
        value={task.d}
        grid={ICL_D_VALUES}
        disabled={worked}
        hint={t('icl.dHint')}
        testId="d-slider"
      />
      <StoreSlider
        field="noise"
        label={t('icl.noise')}
        value={worked ? 0 : undefined}
        disabled={worked}
        testId="noise-slider"
      />
      <StoreSlider field="beta" label={t('icl.beta')} testId="beta-slider" />
      <SeedField
        label={t('lab.seed')}
        newSeedLabel={t('lab.newSeed')}
        value={seed}
        max={LIMITS.seed.max}
        onChange={(value) => setView({ seed: value })}
        testId="seed-input"
      />
    </div>
  );
}
