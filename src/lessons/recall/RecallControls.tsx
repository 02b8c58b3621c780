// Lesson 10's controls: pairs P, the window w, d (at most RECALL_MAX_D), the
// delta rule's β and the gate strength |g|. A link's value off a slider's
// ladder is added to the ladder rather than snapped.
import { RECALL_MAX_PAIRS } from '../../engine';
import { StoreSlider } from '../../components/controls/StoreSlider';
import { logGrid } from '../../components/controls/sliderScale';
import { formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import labStyles from '../../components/lab/Lab.module.css';
import { LIMITS } from '../../state/limits';

/** Largest d the lab runs: Based's recurrent state at d = 64 holds (1 + d + d²)(d + 1) = 270 465 floats per trial. */
export const RECALL_MAX_D = 64;
const D_VALUES = logGrid(LIMITS.d.min, RECALL_MAX_D);
const PAIR_VALUES = [2, 4, 8, 16, 32, 64, 128, RECALL_MAX_PAIRS];
const WINDOW_VALUES = [1, 2, 4, 8, 16, 32, 64, 128, 256];
const GATE_MAX = 0.5;

export function RecallControls({ pairs, decay }: { readonly pairs: number; readonly decay: number }) {
  const t = useT();
  return (
    <div className={labStyles.controls}>
      <StoreSlider
        field="pairs"
        label={t('recall.pairs')}
        value={pairs}
        grid={PAIR_VALUES}
        keepValue
        hint={t('recall.pairsHint')}
        testId="pairs-slider"
      />
      <StoreSlider
        field="window"
        label={t('recall.window')}
        grid={WINDOW_VALUES}
        keepValue
        hint={t('recall.windowHint')}
        testId="window-slider"
      />
      {/* The lab computes at most d = RECALL_MAX_D: the slider shows what it computes. */}
      <StoreSlider
        field="d"
        label={t('lab.d')}
        grid={D_VALUES}
        keepValue
        max={RECALL_MAX_D}
        testId="d-slider"
      />
      <StoreSlider field="beta" label={t('recall.beta')} testId="beta-slider" />
      <StoreSlider
        field="gateStrength"
        label={t('recall.gate')}
        max={GATE_MAX}
        hint={t('recall.gateHint', { decay: formatNumber(decay, 4) })}
        testId="gate-slider"
      />
    </div>
  );
}
