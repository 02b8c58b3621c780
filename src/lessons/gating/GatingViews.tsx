// The views of the gating lesson, side by side: the decay mask the gates imply
// (what share of token j's write is left after token i) next to the attention
// map the variant actually applies (engine.weights, decay included).
import type { MatrixHandle } from '../../engine';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useT } from '../../i18n';
import labStyles from '../../components/lab/Lab.module.css';

export interface DecayMaskPairProps {
  readonly mask: MatrixHandle;
  readonly weights: MatrixHandle | null;
  readonly pending: boolean;
  readonly variantName: string;
  readonly n: number;
  readonly perChannel: boolean;
  readonly onWeightsPainted?: () => void;
}

export function DecayMaskPair({
  mask,
  weights,
  pending,
  variantName,
  n,
  perChannel,
  onWeightsPainted,
}: DecayMaskPairProps) {
  const t = useT();
  return (
    <div className={labStyles.pair}>
      <div className={labStyles.section}>
        <h3 className={labStyles.sectionTitle}>{t('gating.mask.title')}</h3>
        <Heatmap
          matrix={mask}
          causal
          label={t('gating.mask.label', { n })}
          rowName={t('gating.mask.row')}
          colName={t('gating.mask.col')}
          valueLabel={t('gating.mask.value')}
          testId="decay-mask"
          maxSide={360}
          exportName={`decay-mask-n${n}`}
        />
        <p className={labStyles.note}>{t(perChannel ? 'gating.mask.notePerChannel' : 'gating.mask.note')}</p>
      </div>
      <div className={labStyles.section}>
        <h3 className={labStyles.sectionTitle}>{t('gating.weights.title', { variant: variantName })}</h3>
        <Heatmap
          matrix={weights}
          causal
          colorMap="diverging"
          label={t('gating.weights.label', { variant: variantName, n })}
          rowName={t('lab.query')}
          colName={t('lab.key')}
          valueLabel={t('lab.weight')}
          testId="heatmap"
          maxSide={360}
          pending={pending}
          onPainted={onWeightsPainted}
          exportName={`gated-weights-n${n}`}
        />
        <p className={labStyles.note}>{t('gating.weights.note')}</p>
      </div>
    </div>
  );
}
