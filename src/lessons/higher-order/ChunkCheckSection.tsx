// Lesson 11, the chunk form: its largest difference from the recurrence, and
// the error of the paper's Fig. 1(C) caption formula, which leaves out the
// middle term.
import { formatNumber } from '../../components/format';
import { maxAbs, maxAbsDiff } from './numbers';
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import type { HlaOutputs } from './useHlaRuns';

export function ChunkCheckSection({
  out,
  captionError,
  chunk,
  backend,
}: {
  /** The settled outputs (undefined while they compute). */
  readonly out: HlaOutputs | undefined;
  /** From the settled analysis (undefined while one computes). */
  readonly captionError: number | undefined;
  readonly chunk: number;
  readonly backend: string;
}) {
  const t = useT();
  const chunkError = out ? maxAbsDiff(out.chunked, out.raw) / Math.max(1, maxAbs(out.raw)) : undefined;
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('hla.chunk.title', { chunk })}</h3>
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'chunk-error',
            label: t('hla.chunk.full'),
            text: chunkError !== undefined ? formatNumber(chunkError, 3) : null,
            value: chunkError,
            detail: t('hla.chunk.fullDetail', { backend }),
          },
          {
            name: 'caption-error',
            label: t('hla.chunk.caption'),
            text: captionError !== undefined ? formatNumber(captionError, 4) : null,
            value: captionError,
            detail: t('hla.chunk.captionDetail'),
          },
        ]}
      />
    </div>
  );
}
