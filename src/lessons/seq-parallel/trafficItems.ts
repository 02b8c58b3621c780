// The numbers lesson 14 prints: each simulation's distance from the
// single-device run, the floats each device receives against §23's formulas,
// their ratio, and the messages of the algorithm shown.
import { lasp2FormulaFloats, meanPerDevice, ringFormulaFloats, type SeqParallelResult } from '../../engine';
import { formatBytes, formatNumber } from '../../components/format';
import type { Translate } from '../../i18n';
import type { ReadoutItem } from '../../components/lab/Readout';

/** Integers as exact digits with thin grouping (counts of floats are exact). */
export function exact(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : formatNumber(value, 6);
}

export interface TrafficSettings {
  readonly algo: 'lasp2' | 'ring';
  readonly n: number;
  readonly d: number;
  readonly devices: number;
  readonly featureMap: string;
  readonly decay: boolean;
  /** RetNet's γ with decay on, 1 without. */
  readonly gamma: number;
}

export function trafficItems(
  t: Translate,
  { algo, n, d, devices: W, featureMap, decay, gamma }: TrafficSettings,
  /** The current settings' result; undefined while it computes. */
  current: SeqParallelResult | undefined,
): ReadoutItem[] {
  const lasp = current?.lasp;
  const ring = current?.ring;
  const laspRecv = lasp && meanPerDevice(lasp.run.traffic.received);
  const laspFormula = lasp2FormulaFloats(W, d, d, gamma);
  const ringRecv = ring && meanPerDevice(ring.run.traffic.received);
  const ringFormula = ringFormulaFloats(n, W, d, d);
  const ratio =
    laspRecv === undefined || ringRecv === undefined ? undefined : ringRecv === 0 ? NaN : laspRecv / ringRecv;
  const ratioFormula = d / (2 * (n / W));
  const shown = current && (algo === 'lasp2' ? current.lasp.run : current.ring.run);
  const perDevice = (counts: readonly number[]) =>
    counts.length <= 8 ? t('sp.readout.perDevice', { list: counts.map(exact).join(', ') }) : undefined;
  const receivedDetail = (received: readonly number[]) =>
    [t('sp.readout.bytes', { bytes: formatBytes(meanPerDevice(received) * 8) }), perDevice(received)]
      .filter(Boolean)
      .join(' · ');
  return [
    {
      name: 'sp-lasp-diff',
      label: t('sp.readout.laspDiff'),
      text: lasp ? formatNumber(lasp.diff) : null,
      value: lasp?.diff,
      detail: [
        decay
          ? t('sp.readout.laspDiffDetailDecay', { gamma: gamma.toFixed(3) })
          : t('sp.readout.laspDiffDetail', { map: featureMap }),
        lasp && t('sp.readout.outputScale', { max: formatNumber(lasp.scale) }),
      ]
        .filter(Boolean)
        .join(' · '),
    },
    {
      name: 'sp-ring-diff',
      label: t('sp.readout.ringDiff'),
      text: ring ? formatNumber(ring.diff) : null,
      value: ring?.diff,
      detail: [
        t('sp.readout.ringDiffDetail'),
        ring && t('sp.readout.outputScale', { max: formatNumber(ring.scale) }),
      ]
        .filter(Boolean)
        .join(' · '),
    },
    {
      name: 'sp-lasp-recv',
      label: t('sp.readout.laspRecv'),
      text: laspRecv !== undefined ? exact(laspRecv) : null,
      value: laspRecv,
      detail: lasp && receivedDetail(lasp.run.traffic.received),
    },
    {
      name: 'sp-lasp-formula',
      label: t(gamma === 1 ? 'sp.readout.laspFormula' : 'sp.readout.laspFormulaDecay'),
      text: exact(laspFormula),
      value: laspFormula,
      detail: t('sp.readout.formulaDetail'),
    },
    {
      name: 'sp-ring-recv',
      label: t('sp.readout.ringRecv'),
      text: ringRecv !== undefined ? exact(ringRecv) : null,
      value: ringRecv,
      detail: ring && receivedDetail(ring.run.traffic.received),
    },
    {
      name: 'sp-ring-formula',
      label: t('sp.readout.ringFormula'),
      text: exact(ringFormula),
      value: ringFormula,
      detail: t('sp.readout.formulaDetail'),
    },
    {
      name: 'sp-ratio',
      label: t('sp.readout.ratio'),
      text: ratio === undefined ? null : Number.isFinite(ratio) ? formatNumber(ratio, 4) : '—',
      value: ratio !== undefined && Number.isFinite(ratio) ? ratio : undefined,
    },
    {
      name: 'sp-ratio-formula',
      label: t('sp.readout.ratioFormula'),
      text: formatNumber(ratioFormula, 4),
      value: ratioFormula,
    },
    {
      name: 'sp-messages',
      label: t('sp.readout.messages'),
      text: shown ? exact(shown.traffic.messages.length) : null,
      value: shown?.traffic.messages.length,
      detail: t('sp.readout.messagesDetail', { steps: shown?.steps ?? W - 1, w: W }),
    },
  ];
}
