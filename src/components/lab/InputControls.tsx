// The generator's controls (n, d, temperature, locality, clustering, seed),
// bound to the store with the URL schema's ranges.
import { LIMITS } from '../../state/urlSchema';
import { useViewStore } from '../../state/store';
import { Slider } from '../controls/Slider';
import { SeedField } from '../controls/SeedField';
import { logGrid } from '../controls/sliderScale';
import { useT } from '../i18n';
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
  const n = useViewStore((s) => s.n);
  const d = useViewStore((s) => s.d);
  const temperature = useViewStore((s) => s.temperature);
  const locality = useViewStore((s) => s.locality);
  const clustering = useViewStore((s) => s.clustering);
  const seed = useViewStore((s) => s.seed);
  const nMax = Math.min(LIMITS.n.max, maxN ?? LIMITS.n.max);
  const has = (control: InputControl) => show.includes(control);
  return (
    <div className={styles.controls}>
      {has('n') && (
        <Slider
          label={t('lab.n')}
          // The lab computes at most nMax (the CPU fallback's cap): show what it computes.
          value={Math.min(n, nMax)}
          values={logGrid(LIMITS.n.min, nMax)}
          onChange={(value) => setView({ n: value })}
          testId="n-slider"
        />
      )}
      {has('d') && (
        <Slider
          label={t('lab.d')}
          value={d}
          values={logGrid(LIMITS.d.min, LIMITS.d.max)}
          onChange={(value) => setView({ d: value })}
          testId="d-slider"
        />
      )}
      {has('temperature') && (
        <Slider
          label={t('lab.temperature')}
          value={temperature}
          min={LIMITS.temperature.min}
          max={LIMITS.temperature.max}
          step={LIMITS.temperature.step}
          onChange={(value) => setView({ temperature: value })}
          testId="temperature-slider"
        />
      )}
      {has('locality') && (
        <Slider
          label={t('lab.locality')}
          value={locality}
          min={LIMITS.locality.min}
          max={LIMITS.locality.max}
          step={LIMITS.locality.step}
          onChange={(value) => setView({ locality: value })}
          testId="locality-slider"
        />
      )}
      {has('clustering') && (
        <Slider
          label={t('lab.clustering')}
          value={clustering}
          min={LIMITS.clustering.min}
          max={LIMITS.clustering.max}
          step={LIMITS.clustering.step}
          onChange={(value) => setView({ clustering: value })}
          testId="clustering-slider"
        />
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
