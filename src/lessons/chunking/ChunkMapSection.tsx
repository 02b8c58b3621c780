// Lesson 7's map: the gated variant's attention map with the chunks drawn
// over it (intra-chunk blocks, inter-chunk parts read from the state, the
// state passed between chunks), its key and a description in words.
import type { LatestRun } from '../../app/engine-host/useEngine';
import type { MatrixHandle } from '../../engine';
import { ChunkKey, ChunkOverlay } from '../../components/chunk-diagram/ChunkOverlay';
import { formatCount } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { intraChunkPairs } from './structureItems';

export function ChunkMapSection({
  weights,
  onMapPainted,
  variant,
  name,
  n,
  d,
  chunk,
  chunks,
}: {
  readonly weights: LatestRun<MatrixHandle>;
  readonly onMapPainted: (key: string | null) => void;
  readonly variant: string;
  /** The variant's name as the reader sees it. */
  readonly name: string;
  readonly n: number;
  readonly d: number;
  readonly chunk: number;
  readonly chunks: number;
}) {
  const t = useT();
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('chunking.map.title', { variant: name, c: chunk })}</h3>
      <Heatmap
        matrix={weights.value ?? null}
        causal
        colorMap="diverging"
        label={t('chunking.map.label', { variant: name, n, c: chunk })}
        rowName={t('lab.query')}
        colName={t('lab.key')}
        valueLabel={t('lab.weight')}
        testId="heatmap"
        pending={weights.pending}
        unavailable={!!weights.error && !weights.pending}
        onPainted={() => onMapPainted(weights.key ?? null)}
        exportName={`chunks-${variant}-n${n}-c${chunk}`}
        overlay={({ side, rows }) => <ChunkOverlay side={side} rows={rows} chunk={chunk} />}
      />
      <ChunkKey />
      <p className={styles.note} data-testid="chunk-description">
        {t('chunking.map.description', {
          n,
          chunks,
          c: chunk,
          intra: formatCount(intraChunkPairs(n, chunk)),
          passes: chunks - 1,
          d,
        })}
      </p>
    </div>
  );
}
