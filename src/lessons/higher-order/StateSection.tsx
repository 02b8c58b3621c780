// Lesson 11, the state: the norms of S^K, C and G after token t, and the
// blocks themselves with a scrubber over t.
import type { LatestRun } from '../../app/engine-host/useEngine';
import { formatNumber } from '../../components/format';
import type { HlaAnalysis } from '../../engine';
import { frobenius, splitState } from './numbers';
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import { HlaStateView } from './HlaStateView';

export function StateSection({
  stateRun,
  analysis,
  n,
  d,
  tokens,
  onTChange,
}: {
  readonly stateRun: LatestRun<Float64Array>;
  /** The latest analysis, even while a newer one computes (its norms over t draw under the scrubber). */
  readonly analysis: HlaAnalysis | undefined;
  readonly n: number;
  readonly d: number;
  readonly tokens: number;
  readonly onTChange: (t: number) => void;
}) {
  const t = useT();
  const stateNow = stateRun.pending ? undefined : stateRun.value;
  const blocks = stateNow ? splitState(stateNow, d, d) : undefined;
  const norm = (block: 's' | 'c' | 'g') => ({
    text: blocks ? formatNumber(frobenius(blocks[block]), 4) : null,
    value: blocks ? frobenius(blocks[block]) : undefined,
  });
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('hla.state.title')}</h3>
      <Readout
        computingText={t('view.computing')}
        items={[
          { name: 's-norm', label: t('hla.state.sNorm', { t: tokens }), ...norm('s') },
          { name: 'c-norm', label: t('hla.state.cNorm', { t: tokens }), ...norm('c') },
          { name: 'g-norm', label: t('hla.state.gNorm', { t: tokens }), ...norm('g') },
        ]}
      />
      <HlaStateView
        state={stateRun.value ?? null}
        dk={d}
        dv={d}
        t={tokens}
        n={n}
        onTChange={onTChange}
        norms={{ s: analysis?.sNorms ?? [], c: analysis?.cNorms ?? [], g: analysis?.gNorms ?? [] }}
        pending={stateRun.pending}
      />
    </div>
  );
}
