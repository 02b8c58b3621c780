// Lesson 11, the implied maps: HLA's, identity-φ linear attention's and
// softmax's n×n maps side by side, with their errors against softmax and
// their effective ranks.
import type { LatestRun } from '../../app/engine-host/useEngine';
import type { MatrixHandle } from '../../engine';
import { formatNumber } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import type { HlaAnalysis } from '../../engine';
import { useT } from '../../i18n';
import { Readout, type ReadoutItem } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';

export interface ImpliedMapRuns {
  readonly hla: LatestRun<MatrixHandle>;
  readonly linear: LatestRun<MatrixHandle>;
  readonly softmax: LatestRun<MatrixHandle>;
}

export function MapsSection({
  runs,
  comparison,
  normalize,
  n,
}: {
  readonly runs: ImpliedMapRuns;
  /** The settled analysis (undefined while one computes). */
  readonly comparison: HlaAnalysis | undefined;
  readonly normalize: boolean;
  readonly n: number;
}) {
  const t = useT();
  const maps = [
    { id: 'hla', run: runs.hla, label: t('hla.maps.hla') },
    { id: 'linear', run: runs.linear, label: t('hla.maps.linear') },
    { id: 'softmax', run: runs.softmax, label: t('hla.maps.softmax') },
  ] as const;
  const item = (name: string, label: string, value: number | undefined, detail: string): ReadoutItem => ({
    name,
    label,
    text: comparison && value !== undefined ? formatNumber(value, 4) : null,
    value,
    detail,
  });
  const rankDetail = t('hla.maps.rankDetail', { n });
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('hla.maps.title')}</h3>
      <Readout
        computingText={t('view.computing')}
        items={[
          item(
            'err-hla',
            t('hla.maps.errHla'),
            comparison?.hlaError.relativeFrobenius,
            t('hla.maps.errDetail'),
          ),
          item(
            'err-linear',
            t('hla.maps.errLinear'),
            comparison?.linearError.relativeFrobenius,
            t('hla.maps.errDetail'),
          ),
          item('kl-hla', t('hla.maps.klHla'), comparison?.hlaError.meanRowKl, t('hla.maps.klDetail')),
          item('rank-hla', t('hla.maps.rankHla'), comparison?.effectiveRank.hla, rankDetail),
          item('rank-linear', t('hla.maps.rankLinear'), comparison?.effectiveRank.linear, rankDetail),
          item('rank-softmax', t('hla.maps.rankSoftmax'), comparison?.effectiveRank.softmax, rankDetail),
          item(
            'kl-linear',
            t('hla.maps.klLinear'),
            comparison?.linearError.meanRowKl,
            t('hla.maps.klDetail'),
          ),
        ]}
      />
      <div className={styles.section}>
        {maps.map((map) => (
          <figure key={map.id} className={styles.section} style={{ margin: 0 }}>
            <figcaption className={styles.sectionTitle}>{map.label}</figcaption>
            <Heatmap
              matrix={map.run.value ?? null}
              causal
              colorMap={map.id === 'softmax' ? 'sequential' : 'diverging'}
              label={map.label}
              rowName={t('hla.maps.query')}
              colName={t('hla.maps.key')}
              valueLabel={t('hla.maps.weight')}
              testId={`map-${map.id}`}
              maxSide={340}
              pending={map.run.pending}
              unavailable={map.run.error !== undefined}
              exportName={`map-${map.id}`}
            />
          </figure>
        ))}
      </div>
      <p className={styles.note}>{t(normalize ? 'hla.maps.noteNorm' : 'hla.maps.noteRaw')}</p>
    </div>
  );
}
