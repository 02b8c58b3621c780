// Lesson 13's fit settings: what the fit minimises, Hedgehog's feature count r
// and Adam's learning rate.
import { Segmented } from '../../components/controls/Segmented';
import { StoreSlider } from '../../components/controls/StoreSlider';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { useViewStore } from '../../state/store';

/** Learning rates the slider offers (a log grid inside the URL's range). */
const LEARNING_RATES = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

export function FitControls() {
  const t = useT();
  const fitLoss = useViewStore((s) => s.fitLoss);
  const rank = useViewStore((s) => s.rank);
  const setView = useViewStore((s) => s.setView);
  return (
    <div className={styles.controls}>
      <Segmented
        label={t('linearise.lossLabel')}
        value={fitLoss}
        options={[
          { value: 'output', label: t('linearise.loss.output') },
          { value: 'weights', label: t('linearise.loss.weights') },
        ]}
        onChange={(value) => setView({ fitLoss: value })}
        testId="fit-loss-kind"
      />
      <StoreSlider
        field="rank"
        label={t('linearise.rank')}
        hint={t('linearise.rankHint', { f: 2 * rank })}
        testId="rank-slider"
      />
      <StoreSlider
        field="lr"
        label={t('linearise.lr')}
        grid={LEARNING_RATES}
        keepValue
        format={(value) => String(value)}
        hint={t('linearise.lrHint')}
        testId="lr-slider"
      />
    </div>
  );
}
