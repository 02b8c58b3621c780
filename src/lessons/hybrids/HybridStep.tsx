// What the hybrid's steps show below the controls: the definition, its
// numbers, and its two charts.
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import { HybridShareSection, HybridSweepSection } from './HybridCharts';
import { hybridItems } from './hybridItems';
import type { HybridAnalysisView } from './useHybridAnalysis';

export function HybridStep({
  analysis,
  n,
  window,
  lambda,
  logLambda,
}: {
  readonly analysis: HybridAnalysisView;
  readonly n: number;
  readonly window: number;
  /** The linear branch's weight λ and its logarithm (the mix field). */
  readonly lambda: number;
  readonly logLambda: number;
}) {
  const t = useT();
  return (
    <>
      <p className={styles.note}>{t('hybrids.hybrid.definition', { w: window })}</p>
      <Readout
        computingText={t('view.computing')}
        items={hybridItems(t, { n, window, lambda }, analysis.hybrid, analysis.equalLog)}
      />
      {n <= window && <p className={styles.note}>{t('hybrids.hybrid.noLinear', { n, w: window })}</p>}
      <HybridShareSection shares={analysis.shownHybrid} n={n} window={window} lambda={lambda} />
      <HybridSweepSection curve={analysis.curve} window={window} logLambda={logLambda} />
    </>
  );
}
