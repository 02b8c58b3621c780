// The numbers the map-compare lab prints: ranks of the implied map (effective,
// numerical, the bound φ's feature count sets), its mean row entropy, its
// errors against softmax, and Performer's error slope over m.
import type { Translate } from '../../../i18n';
import { formatNumber } from '../../../components/format';
import { SWEEP_SEED_COUNT, type FeatureAnalysis, type MapChoice } from '../../../engine';
import type { ReadoutItem } from '../../../components/lab/Readout';

function rankBoundDetail(t: Translate, a: FeatureAnalysis, choice: MapChoice, causal: boolean): string {
  if (causal) return t('fm.rankBoundCausal', { r: a.r });
  if (!a.rankBound.limitedByFeatures) return t('fm.rankBoundNone', { r: a.r, n: a.n });
  if (choice === 'inline') return t('fm.rankBoundInline', { bound: a.rankBound.bound });
  return t('fm.rankBoundFeatures', { r: a.r, n: a.n });
}

export function mapCompareItems(
  t: Translate,
  result: FeatureAnalysis | undefined,
  choice: MapChoice,
  causal: boolean,
  /** Slope of log error over log m, once Performer's sweep is in (undefined otherwise). */
  slope: number | undefined,
): ReadoutItem[] {
  return [
    {
      name: 'effective-rank',
      label: t('fm.effectiveRank'),
      text: result ? formatNumber(result.map.effectiveRank) : null,
      value: result?.map.effectiveRank,
      detail: result
        ? t('fm.effectiveRankDetail', { softmax: formatNumber(result.softmax.effectiveRank) })
        : undefined,
    },
    {
      name: 'numerical-rank',
      label: t('fm.numericalRank'),
      text: result ? String(result.map.numericalRank) : null,
      value: result?.map.numericalRank,
      detail: result
        ? t('fm.numericalRankDetail', {
            tol: formatNumber(result.map.relativeTolerance, 2),
            softmax: result.softmax.numericalRank,
          })
        : undefined,
    },
    {
      name: 'rank-bound',
      label: t('fm.rankBound'),
      text: result ? String(result.rankBound.bound) : null,
      value: result?.rankBound.bound,
      detail: result ? rankBoundDetail(t, result, choice, causal) : undefined,
    },
    {
      name: 'mean-entropy',
      label: t('fm.meanEntropy'),
      text: result ? formatNumber(result.meanEntropy) : null,
      value: result?.meanEntropy,
      detail: result
        ? t('fm.meanEntropyDetail', {
            softmax: formatNumber(result.softmaxMeanEntropy),
            max: formatNumber(result.maxEntropy),
          })
        : undefined,
    },
    {
      name: 'rel-frobenius',
      label: t('fm.relFrobenius'),
      text: result ? formatNumber(result.comparison.relativeFrobenius) : null,
      value: result?.comparison.relativeFrobenius,
      detail: t('fm.relFrobeniusDetail'),
    },
    {
      name: 'mean-kl',
      label: t('fm.meanKl'),
      text: result ? formatNumber(result.comparison.meanRowKl) : null,
      value: result?.comparison.meanRowKl,
      detail: t('fm.meanKlDetail'),
    },
    {
      name: 'max-output-error',
      label: t('fm.maxOutputError'),
      text: result ? formatNumber(result.comparison.maxOutputError) : null,
      value: result?.comparison.maxOutputError,
      detail: t('fm.maxOutputErrorDetail'),
    },
    ...(choice === 'performer'
      ? [
          {
            name: 'sweep-slope',
            label: t('fm.slope'),
            text: slope !== undefined ? formatNumber(slope) : null,
            value: slope,
            detail: t('fm.slopeDetail', { seeds: SWEEP_SEED_COUNT }),
          },
        ]
      : []),
  ];
}
