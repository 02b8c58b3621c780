// The numbers lesson 12 prints on the hybrid's steps: λ, the mean norms of the
// window and linear branches over the tokens that have both, the linear
// branch's mean share and the λ at which the two branches share equally.
import type { HybridShares } from '../../engine';
import { formatNumber } from '../../components/format';
import type { Translate } from '../../i18n';
import type { ReadoutItem } from '../../components/lab/Readout';

export function hybridItems(
  t: Translate,
  { n, window, lambda }: { readonly n: number; readonly window: number; readonly lambda: number },
  /** Null while the current settings' shares compute. */
  hybrid: HybridShares | null,
  /** ln λ of an equal share (NaN: none); undefined while it computes. */
  equalLog: number | undefined,
): ReadoutItem[] {
  const overTokens = t('hybrids.readout.overTokens', { from: Math.min(window, n) + 1, n });
  return [
    {
      name: 'hybrid-lambda',
      label: t('hybrids.readout.lambda'),
      text: formatNumber(lambda, 4),
      value: lambda,
    },
    {
      name: 'hybrid-swa-norm',
      label: t('hybrids.readout.swaNorm'),
      text: hybrid ? formatNumber(hybrid.meanSwaNorm, 4) : null,
      value: hybrid?.meanSwaNorm,
      detail: overTokens,
    },
    {
      name: 'hybrid-lin-norm',
      label: t('hybrids.readout.linNorm'),
      text: hybrid ? formatNumber(hybrid.meanLinNorm, 4) : null,
      value: hybrid?.meanLinNorm,
      detail: overTokens,
    },
    {
      name: 'hybrid-lin-share',
      label: t('hybrids.readout.linShare'),
      text: hybrid ? formatNumber(hybrid.meanLinShare, 4) : null,
      value: hybrid?.meanLinShare,
      detail: t('hybrids.readout.linShareDetail'),
    },
    {
      name: 'hybrid-equal-lambda',
      label: t('hybrids.readout.equalLambda'),
      text:
        equalLog === undefined
          ? null
          : Number.isFinite(equalLog)
            ? t('hybrids.readout.equalLambdaText', {
                log: formatNumber(equalLog, 3),
                lambda: formatNumber(Math.exp(equalLog), 3),
              })
            : t('hybrids.readout.none'),
      value: equalLog !== undefined && Number.isFinite(equalLog) ? equalLog : undefined,
    },
  ];
}
