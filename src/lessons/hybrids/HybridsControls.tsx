// Lesson 12's sliders: the segment length on Infini-attention's steps, the
// window width on the hybrid's, and the mix field read as β (the gate's logit)
// or as ln λ (the linear branch's weight).
import { StoreSlider } from '../../components/controls/StoreSlider';
import { formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';

/** Window widths offered for the hybrid. */
const WINDOWS = [4, 8, 16, 32, 64, 128];

export function HybridsControls({
  hybridStep,
  window,
  segments,
  gate,
  lambda,
}: {
  readonly hybridStep: boolean;
  readonly window: number;
  /** Segments of the sequence at the current segment length. */
  readonly segments: number;
  /** sigmoid(β). */
  readonly gate: number;
  /** e^mix. */
  readonly lambda: number;
}) {
  const t = useT();
  return (
    <div className={styles.controls}>
      {!hybridStep && (
        <StoreSlider
          field="chunk"
          label={t('hybrids.segment')}
          hint={t('hybrids.segmentHint', { segments })}
          testId="segment-slider"
        />
      )}
      {hybridStep && (
        <StoreSlider
          field="window"
          label={t('hybrids.window')}
          grid={WINDOWS}
          // A link's width off the list shows as 32 (the lab still computes with it).
          value={WINDOWS.includes(window) ? window : 32}
          testId="window-slider"
        />
      )}
      <StoreSlider
        field="mix"
        label={hybridStep ? t('hybrids.logLambda') : t('hybrids.beta')}
        format={(value) => formatNumber(value, 3)}
        hint={
          hybridStep
            ? t('hybrids.logLambdaHint', { lambda: formatNumber(lambda, 4) })
            : t('hybrids.betaHint', { gate: formatNumber(gate, 4) })
        }
        testId="mix-slider"
      />
    </div>
  );
}
