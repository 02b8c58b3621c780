// The generator's controls (n, d, temperature, locality, clustering, seed),
// bound to the store with the URL schema's ranges.
import { LIMITS } from '../../state/urlSchema';
import { useViewStore } from '../../state/store';
import { StoreSlider } from '../controls/StoreSlider';
import { SeedField } from '../controls/SeedField';
import { useT } from '../../i18n';
import styles from './Lab.module.css';

export type InputControl = 'n' | 'd' | 'temperature' | 'locality' | 'clustering' | 'seed';

export interface InputControlsProps {
  readonly show: readonly InputControl[];
  /** Largest n offered (the CPU fallback's cap, or a lab's own). */
  readonly maxN?: number;
}

export function InputControls({ show, maxN }: InputControlsProps) {
  const t = useT();
  const setView = useViewStore((s) => s.setView);
  const seed = useViewStore((s) => s.seed);
  const nMax = Math.min(LIMITS.n.max, maxN ?? LIMITS.n.max);
  const has = (control: InputControl) => show.includes(control);
  return (
    <div className={styles.controls}>
      {/* The lab computes at most nMax (the CPU fallback's cap): the slider shows what it computes. */}
      {has('n') && <StoreSlider field="n" label={t('lab.n')} grid="log" max={nMax} testId="n-slider" />}
      {has('d') && <StoreSlider field="d" label={t('lab.d')} grid="log" testId="d-slider" />}
      {has('temperature') && (
        <StoreSlider field="temperature" label={t('lab.temperature')} testId="temperature-slider" />
      )}
      {has('locality') && <StoreSlider field="locality" label={t('lab.locality')} testId="locality-slider" />}
      {has('clustering') && (
        <StoreSlider field="clustering" label={t('lab.clustering')} testId="clustering-slider" />
      )}
      {has('seed') && (
        <SeedField
          label={t('lab.seed')}
          newSeedLabel={t('lab.newSeed')}
          value={seed}
          max={LIMITS.seed.max}
          onChange={(value) => setView({ seed: value })}
          testId="seed-input"
        />
      )}
    </div>
  );
}
