// The numbers lesson 12 prints on Infini-attention's steps: the gate, the
// memory branch's mean share, the memory's size against the KV cache at n, the
// engine's memory norm and its agreement with the float64 branches.
import { infiniStateFloats, kvCacheFloats, type Backend, type InfiniShares } from '../../engine';
import { formatNumber } from '../../components/format';
import type { Translate } from '../../i18n';
import type { ReadoutItem } from '../../components/lab/Readout';

export function infiniItems(
  t: Translate,
  {
    n,
    d,
    segment,
    backend,
  }: { readonly n: number; readonly d: number; readonly segment: number; readonly backend: Backend },
  {
    gate,
    shares,
    memoryNorm,
    agreement,
  }: {
    readonly gate: number;
    /** Null while the current settings' shares compute. */
    readonly shares: InfiniShares | null;
    readonly memoryNorm: number | undefined;
    readonly agreement: number | undefined;
  },
): ReadoutItem[] {
  const memoryFloats = d * d + d;
  const kvAtN = kvCacheFloats(n, d, d);
  const infiniAtN = infiniStateFloats(n, segment, d, d);
  const meanShare =
    shares && Number.isFinite(shares.meanMemShareAfterFirst) ? shares.meanMemShareAfterFirst : undefined;
  return [
    {
      name: 'infini-gate',
      label: t('hybrids.readout.gate'),
      text: formatNumber(gate, 4),
      value: gate,
    },
    {
      name: 'infini-mem-share',
      label: t('hybrids.readout.memShare'),
      text: meanShare !== undefined ? formatNumber(meanShare, 4) : shares ? t('hybrids.readout.none') : null,
      value: meanShare,
      detail: t('hybrids.readout.memShareDetail', { from: Math.min(segment, n) + 1, n }),
    },
    {
      name: 'infini-memory-floats',
      label: t('hybrids.readout.memoryFloats'),
      text: String(memoryFloats),
      value: memoryFloats,
      detail: t('hybrids.readout.memoryFloatsDetail', { d }),
    },
    {
      name: 'infini-state-floats',
      label: t('hybrids.readout.infiniFloats', { n }),
      text: String(infiniAtN),
      value: infiniAtN,
    },
    {
      name: 'infini-kv-floats',
      label: t('hybrids.readout.kvFloats', { n }),
      text: String(kvAtN),
      value: kvAtN,
    },
    {
      name: 'infini-memory-norm',
      label: t('hybrids.readout.memoryNorm'),
      text: memoryNorm !== undefined ? formatNumber(memoryNorm, 5) : null,
      value: memoryNorm,
      detail: t('hybrids.readout.memoryNormDetail', { backend }),
    },
    {
      name: 'infini-agreement',
      label: t('hybrids.readout.agreement'),
      text: agreement !== undefined ? formatNumber(agreement, 2) : null,
      value: agreement,
      detail: t('hybrids.readout.agreementDetail'),
    },
  ];
}
