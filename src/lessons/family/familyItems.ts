// The numbers lesson 9 prints: the enlarged family's scores, FLOPs and errors
// against softmax (on WebGPU also the GPU map's distance from float64), and
// every family's cost slope over n.
import type { LatestRun } from '../../app/engine-host/useEngine';
import { FAMILY_IDS, type CostCurve, type FamilyEntry, type Gallery } from '../../engine';
import { formatCount, formatNumber } from '../../components/format';
import type { Translate } from '../../i18n';
import type { ReadoutItem } from '../../components/lab/Readout';
import { familyKey } from './FamilyGallery';

export function familyItems(
  t: Translate,
  gallery: { readonly value: Gallery | undefined; readonly pending: boolean },
  current: FamilyEntry | undefined,
  n: number,
  /** On WebGPU, the GPU map's distance from the float64 one. */
  gpuDiff: LatestRun<number> | null,
): ReadoutItem[] {
  const value = gallery.value;
  const ready = !gallery.pending && current !== undefined;
  const items: ReadoutItem[] = [
    {
      name: 'family-scores',
      label: t('family.readout.scores'),
      text: ready ? formatCount(current.scores) : null,
      value: ready ? current.scores : undefined,
      detail: ready
        ? current.scores === 0
          ? t('family.readout.scoresNone')
          : t('family.readout.scoresDetail', {
              fraction: formatNumber(current.scoreFraction, 3),
              n2: formatCount(n * n),
            })
        : undefined,
    },
    {
      name: 'family-flops',
      label: t('family.readout.flops'),
      text: ready ? formatCount(current.flops) : null,
      value: ready ? current.flops : undefined,
      detail: value
        ? t('family.readout.flopsDetail', { softmax: formatCount(value.softmaxFlops) })
        : undefined,
    },
    {
      name: 'family-rel-error',
      label: t('family.readout.relError'),
      text: ready ? (current.map ? formatNumber(current.relFrobenius, 4) : '—') : null,
      value: ready && current.map ? current.relFrobenius : undefined,
      detail: t('family.readout.relErrorDetail'),
    },
    {
      name: 'family-output-error',
      label: t('family.readout.outError'),
      text: ready ? (current.map ? formatNumber(current.maxOutputError, 4) : '—') : null,
      value: ready && current.map ? current.maxOutputError : undefined,
      detail: t('family.readout.outErrorDetail'),
    },
  ];
  if (gpuDiff) {
    items.push({
      name: 'family-gpu-diff',
      label: t('family.readout.gpuDiff'),
      text: gpuDiff.value !== undefined && !gpuDiff.pending ? formatNumber(gpuDiff.value, 3) : null,
      value: gpuDiff.value !== undefined && !gpuDiff.pending ? gpuDiff.value : undefined,
      detail: t('family.readout.gpuDiffDetail'),
    });
  }
  return items;
}

export function slopeItems(
  t: Translate,
  costs: { readonly value: readonly CostCurve[] | undefined; readonly pending: boolean },
): ReadoutItem[] {
  return (['softmax', ...FAMILY_IDS] as const).map((id) => {
    const curve = costs.value?.find((c) => c.id === id);
    return {
      name: `slope-${id}`,
      label: id === 'softmax' ? t('family.costs.softmax') : t(familyKey('short', id)),
      text: curve && !costs.pending ? formatNumber(curve.slope, 3) : null,
      value: curve && !costs.pending ? curve.slope : undefined,
    };
  });
}
