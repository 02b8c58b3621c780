// The map-compare lab's three maps side by side: softmax's, the chosen φ's
// implied map, and their difference (diverging colours).
import type { LatestRun } from '../../../app/engine-host/useEngine';
import type { MatrixHandle } from '../../../engine';
import { Heatmap } from '../../../components/heatmap/Heatmap';
import { useT } from '../../../i18n';
import type { MapChoice } from '../../../engine';
import styles from '../../../components/lab/Lab.module.css';

export function MapHeatmaps({
  softmax,
  implied,
  difference,
  differencePending,
  choice,
  name,
  causal,
  n,
}: {
  readonly softmax: LatestRun<MatrixHandle>;
  readonly implied: LatestRun<MatrixHandle>;
  readonly difference: MatrixHandle | null;
  readonly differencePending: boolean;
  readonly choice: MapChoice;
  /** The chosen φ's name as the reader sees it. */
  readonly name: string;
  readonly causal: boolean;
  readonly n: number;
}) {
  const t = useT();
  const cells = { rowName: t('lab.query'), colName: t('lab.key'), causal, maxSide: 340 } as const;
  return (
    <div className={styles.pair}>
      <section className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('fm.softmaxTitle', { n })}</h3>
        <Heatmap
          {...cells}
          matrix={softmax.value ?? null}
          label={t('fm.softmaxTitle', { n })}
          valueLabel={t('lab.weight')}
          testId="softmax-heatmap"
          pending={softmax.pending}
          exportName={`softmax-n${n}`}
        />
      </section>
      <section className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('fm.mapTitle', { name })}</h3>
        <Heatmap
          {...cells}
          matrix={implied.value ?? null}
          label={t('fm.mapTitle', { name })}
          valueLabel={t('lab.weight')}
          testId="heatmap"
          pending={implied.pending}
          exportName={`${choice}-n${n}`}
        />
      </section>
      <section className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('fm.diffTitle', { name })}</h3>
        <Heatmap
          {...cells}
          matrix={difference}
          colorMap="diverging"
          label={t('fm.diffTitle', { name })}
          valueLabel={t('fm.diffValue')}
          testId="diff-heatmap"
          pending={differencePending}
          exportName={`${choice}-minus-softmax-n${n}`}
        />
      </section>
    </div>
  );
}
