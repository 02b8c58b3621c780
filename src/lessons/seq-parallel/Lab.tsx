// Lesson 14 lab: W simulated devices run LASP-2 (linear attention: one
// all-gather of KᵀV states) and Ring Attention (softmax: K/V blocks travel the
// ring with the online-softmax merge) on the seeded inputs. The distributed
// outputs are compared with the CPU engine's single-device run, every message
// is counted, and the counted traffic is set beside §23's formulas, at the
// current n and over a sweep of n (log–log chart).
import { useState } from 'react';
import { seqpar, type SeqParFeatureMap } from '../../engine';
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import { useViewStore } from '../../state/store';
import { RingSection } from './RingSection';
import { SeqParallelControls } from './SeqParallelControls';
import { TrafficSection } from './TrafficSection';
import { trafficItems } from './trafficItems';
import { useSeqParallelSimulation } from './useSeqParallelSimulation';

/** Largest n of this lab: the single-device softmax reference and the ring simulation are O(n²d) per change. */
export const SP_MAX_N = 512;
/** Largest head dimension offered here. */
export const SP_MAX_D = 32;

export default function SeqParallelLab() {
  const t = useT();
  const variant = useViewStore((s) => s.variant);
  const algo = variant === 'softmax' ? 'ring' : 'lasp2';
  const storeN = useViewStore((s) => s.n);
  const storeD = useViewStore((s) => s.d);
  const storeW = useViewStore((s) => s.devices);
  const seed = useViewStore((s) => s.seed);
  const storeMap = useViewStore((s) => s.featureMap);
  const gammaValue = useViewStore((s) => s.gamma);
  const temperature = useViewStore((s) => s.temperature);
  // Decay on/off is a view setting without a URL field yet (reported to the lead).
  const [decay, setDecay] = useState(false);

  const n = Math.min(storeN, SP_MAX_N);
  const d = Math.min(Math.max(storeD, 2), SP_MAX_D);
  const W = Math.max(1, Math.min(storeW, n));
  const featureMap: SeqParFeatureMap = decay ? 'identity' : storeMap;
  const gamma = decay ? gammaValue : 1;
  // Both simulations, their single-device references and the sweep, in the analysis worker.
  const { current, shown, sweepNs, sweepWorst } = useSeqParallelSimulation({
    seed,
    n,
    d,
    temperature,
    devices: W,
    featureMap,
    decay,
    gamma,
  });
  const sizes = seqpar.splitSizes(n, W);
  const extra = n % W;

  return (
    <div className={styles.lab}>
      <SeqParallelControls
        algo={algo}
        n={n}
        maxN={SP_MAX_N}
        maxD={SP_MAX_D}
        featureMap={featureMap}
        decay={decay}
        onDecayChange={setDecay}
      />
      <p className={styles.note} data-testid="sp-split">
        {extra === 0
          ? t('sp.splitEven', { n, w: W, c: n / W })
          : t('sp.splitUneven', { n, w: W, extra, big: sizes[0], small: sizes[W - 1] })}{' '}
        {t('sp.cpuNote')}
      </p>
      {/* Readouts wait for the current settings; the ring and the chart keep the previous run meanwhile. */}
      <Readout
        computingText={t('view.computing')}
        items={trafficItems(t, { algo, n, d, devices: W, featureMap, decay, gamma }, current)}
      />
      <RingSection algo={algo} shown={shown} n={n} d={d} devices={W} />
      <TrafficSection
        sweep={shown?.sweep ?? []}
        sweepNs={sweepNs}
        sweepWorst={sweepWorst}
        d={d}
        devices={W}
      />
    </div>
  );
}
