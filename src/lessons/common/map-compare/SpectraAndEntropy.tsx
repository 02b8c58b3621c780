// The map-compare lab's analysis figures: singular values of the implied map,
// softmax's map, φ(Q) and φ(K) with the effective ranks and the rank bound
// marked; and the row entropies of the implied map beside softmax's.
import type { FeatureAnalysis } from '../../../engine';
import { EntropyHistogram } from '../../../components/entropy-histogram/EntropyHistogram';
import { formatNumber } from '../../../components/format';
import { useT } from '../../../i18n';
import { SpectrumChart } from '../../../components/spectrum-chart/SpectrumChart';
import styles from '../../../components/lab/Lab.module.css';

export function SpectraAndEntropy({
  shown,
  name,
  n,
  pending,
}: {
  /** The latest analysis, kept while a newer one computes. */
  readonly shown: FeatureAnalysis | undefined;
  readonly name: string;
  readonly n: number;
  readonly pending: boolean;
}) {
  const t = useT();
  return (
    <div className={styles.pair}>
      <SpectrumChart
        title={t('fm.spectrumTitle')}
        series={
          shown
            ? [
                { id: 'map', label: t('fm.series.map', { name }), values: shown.map.values },
                { id: 'softmax', label: t('fm.series.softmax'), values: shown.softmax.values },
                { id: 'phiQ', label: t('fm.series.phiQ'), values: shown.phiQ.values, dashed: true },
                { id: 'phiK', label: t('fm.series.phiK'), values: shown.phiK.values, dashed: true },
              ]
            : []
        }
        marks={
          shown
            ? [
                {
                  id: 'erank',
                  x: shown.map.effectiveRank,
                  label: t('fm.mark.erank', { value: formatNumber(shown.map.effectiveRank) }),
                  series: 0,
                },
                {
                  id: 'softmax-erank',
                  x: shown.softmax.effectiveRank,
                  label: t('fm.mark.softmaxErank', { value: formatNumber(shown.softmax.effectiveRank) }),
                  series: 1,
                },
                {
                  id: 'bound',
                  x: shown.rankBound.bound,
                  label: t('fm.mark.bound', { value: shown.rankBound.bound }),
                },
              ]
            : []
        }
        tolerance={shown?.map.relativeTolerance}
        pending={pending}
        testId="spectrum-chart"
      />
      <EntropyHistogram
        title={t('fm.entropyTitle')}
        series={
          shown
            ? [
                { id: 'map', label: name, entropy: shown.entropy, mean: shown.meanEntropy },
                {
                  id: 'softmax',
                  label: t('fm.series.softmax'),
                  entropy: shown.softmaxEntropy,
                  mean: shown.softmaxMeanEntropy,
                },
              ]
            : []
        }
        maxEntropy={shown?.maxEntropy ?? Math.log(n)}
        pending={pending}
        testId="entropy-histogram"
      />
    </div>
  );
}
