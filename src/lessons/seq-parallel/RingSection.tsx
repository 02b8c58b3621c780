// The device ring of the algorithm shown, drawn from the newest simulation
// (kept while a newer one computes).
import { lasp2PayloadFloats, type SeqParallelResult } from '../../engine';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { DeviceRing } from './DeviceRing';

export function RingSection({
  algo,
  shown,
  n,
  d,
  devices: W,
}: {
  readonly algo: 'lasp2' | 'ring';
  readonly shown: SeqParallelResult | undefined;
  readonly n: number;
  readonly d: number;
  readonly devices: number;
}) {
  const t = useT();
  const run = shown && (algo === 'lasp2' ? shown.lasp.run : shown.ring.run);
  return (
    <div className={styles.section}>
      {run ? (
        <DeviceRing
          algo={algo}
          title={t('sp.ring.title', {
            algo: t(algo === 'lasp2' ? 'sp.algo.lasp2' : 'sp.algo.ring'),
            w: W,
            n,
            d,
          })}
          sizes={run.sizes}
          messages={run.traffic.messages}
          localFloats={lasp2PayloadFloats(d, d, 1)}
        />
      ) : (
        <p className={styles.note}>{t('view.computing')}</p>
      )}
    </div>
  );
}
