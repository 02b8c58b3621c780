// Controls of the gated variants, bound to the store: the variant, RetNet's γ,
// the gate kind with its strength and forget token, and the delta rule's β.
// Only the controls the chosen variant reads are shown.
import { getVariant } from '../../engine';
import { GATE_KINDS } from '../../state/limits';
import { useViewStore } from '../../state/store';
import type { GateKind } from '../../state/types';
import { Segmented } from '../controls/Segmented';
import { StoreSlider } from '../controls/StoreSlider';
import { formatNumber } from '../format';
import { useT, type MessageKey } from '../../i18n';
import labStyles from '../lab/Lab.module.css';
import { GATED_VARIANTS, gateControlsOf, type GatedVariantId } from './gates';

/** γ values the slider offers: 1 − 2⁻ᵏ (RetNet's heads) and round numbers, up to the schema's max. */
export const GAMMA_VALUES: readonly number[] = [
  0.5, 0.75, 0.8, 0.875, 0.9, 0.9375, 0.95, 0.96875, 0.98, 0.984375, 0.99, 0.9921875, 0.995, 0.99609375,
  0.998, 0.999, 0.9995, 0.9999, 0.99999,
];

/** |g| values of the strength slider (log-like ladder from 0 to the schema's max). */
export const STRENGTH_VALUES: readonly number[] = [
  0, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 10, 20,
];

/** The variant's menu title without its parenthetical ('GLA (per-channel gates)' → 'GLA'). */
export function variantLabel(variant: GatedVariantId): string {
  return getVariant(variant).title.replace(/\s*\(.*\)$/, '');
}

const GATE_KEYS: Record<GateKind, MessageKey> = {
  constant: 'gating.gate.constant',
  data: 'gating.gate.data',
  forget: 'gating.gate.forget',
};

export interface GateControlsProps {
  readonly variant: GatedVariantId;
  /** Largest token the forget slider offers (the lab's n). */
  readonly n: number;
}

export function GateControls({ variant, n }: GateControlsProps) {
  const t = useT();
  const setView = useViewStore((s) => s.setView);
  const gamma = useViewStore((s) => s.gamma);
  const gate = useViewStore((s) => s.gate);
  const gateStrength = useViewStore((s) => s.gateStrength);
  const controls = gateControlsOf(variant);
  return (
    <>
      <Segmented
        label={t('gating.variant')}
        value={variant}
        options={GATED_VARIANTS.map((value) => ({ value, label: variantLabel(value) }))}
        onChange={(value) => setView({ variant: value })}
        testId="gated-variant"
      />
      {controls.gate && (
        <Segmented
          label={t('gating.gateKind')}
          value={gate}
          options={GATE_KINDS.map((value) => ({ value, label: t(GATE_KEYS[value]) }))}
          onChange={(value) => setView({ gate: value })}
          testId="gate-kind"
        />
      )}
      <div className={labStyles.controls}>
        {controls.gamma && (
          <StoreSlider
            field="gamma"
            label={t('gating.gamma')}
            grid={GAMMA_VALUES}
            format={(value) => String(value)}
            hint={t('gating.gammaHint', { g: formatNumber(Math.log(gamma), 3) })}
            testId="gamma-slider"
          />
        )}
        {controls.gate && gate !== 'forget' && (
          <StoreSlider
            field="gateStrength"
            label={t('gating.strength')}
            grid={STRENGTH_VALUES}
            format={(value) => String(value)}
            hint={t(gate === 'constant' ? 'gating.strengthConstant' : 'gating.strengthData', {
              g: formatNumber(-gateStrength, 3),
            })}
            testId="gate-strength"
          />
        )}
        {controls.gate && gate === 'forget' && (
          <StoreSlider
            field="forgetAt"
            label={t('gating.forgetAt')}
            max={n}
            hint={t('gating.forgetHint')}
            testId="forget-at"
          />
        )}
        {controls.beta && (
          <StoreSlider
            field="beta"
            label={t('gating.beta')}
            hint={t('gating.betaHint')}
            testId="beta-slider"
          />
        )}
      </div>
    </>
  );
}
