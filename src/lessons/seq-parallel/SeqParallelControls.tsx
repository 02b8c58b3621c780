// Lesson 14's controls: the algorithm (LASP-2 for linear attention, Ring
// Attention for softmax), W, n and d under the lab's caps, the feature map,
// decay on/off with its γ, and the seed.
import type { SeqParFeatureMap } from '../../engine';
import { Segmented } from '../../components/controls/Segmented';
import { SeedField } from '../../components/controls/SeedField';
import { StoreSlider } from '../../components/controls/StoreSlider';
import { Toggle } from '../../components/controls/Toggle';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { LIMITS } from '../../state/limits';
import { useViewStore } from '../../state/store';

const D_VALUES = [2, 4, 8, 16, 32];

export function SeqParallelControls({
  algo,
  n,
  maxN,
  maxD,
  featureMap,
  decay,
  onDecayChange,
}: {
  readonly algo: 'lasp2' | 'ring';
  /** The n the lab computes at (W is at most n). */
  readonly n: number;
  /** The lab's caps on n and d. */
  readonly maxN: number;
  readonly maxD: number;
  /** The map the simulation uses (identity while decay is on). */
  readonly featureMap: SeqParFeatureMap;
  readonly decay: boolean;
  readonly onDecayChange: (decay: boolean) => void;
}) {
  const t = useT();
  const seed = useViewStore((s) => s.seed);
  const setView = useViewStore((s) => s.setView);
  return (
    <div className={styles.controls}>
      <Segmented
        label={t('sp.algorithm')}
        value={algo}
        options={[
          { value: 'lasp2', label: t('sp.algo.lasp2') },
          { value: 'ring', label: t('sp.algo.ring') },
        ]}
        onChange={(value) => setView({ variant: value === 'ring' ? 'softmax' : 'linear' })}
        testId="sp-algorithm"
      />
      <StoreSlider
        field="devices"
        label={t('sp.devices')}
        max={Math.min(LIMITS.devices.max, n)}
        hint={t('sp.devicesHint')}
        testId="devices-slider"
      />
      <StoreSlider field="n" label={t('lab.n')} grid="log" max={maxN} testId="n-slider" />
      <StoreSlider field="d" label={t('lab.d')} grid={D_VALUES} max={maxD} testId="d-slider" />
      <Segmented
        label={t('sp.featureMap')}
        value={featureMap}
        options={[
          { value: 'identity', label: 'identity' },
          { value: 'elu1', label: 'elu+1', disabled: decay },
          { value: 'relu', label: 'ReLU', disabled: decay },
        ]}
        onChange={(value) => setView({ featureMap: value })}
        testId="sp-feature-map"
      />
      <div>
        <Toggle label={t('sp.decay')} checked={decay} onChange={onDecayChange} testId="sp-decay" />
        <p className={styles.note}>{t('sp.decayHint')}</p>
      </div>
      {decay && (
        <StoreSlider
          field="gamma"
          label={t('sp.gamma')}
          step={0.001}
          format={(g) => g.toFixed(3)}
          testId="sp-gamma"
        />
      )}
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
