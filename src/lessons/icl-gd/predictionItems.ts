// The numbers lesson 15 prints about one task: on the worked example its two
// ends first, then both predictions, their difference, the target, w₁, w*,
// the rank of the context covariance and the optimal scalar step η*.
import { optimalEta } from '../../engine';
import { formatNumber } from '../../components/format';
import type { Translate } from '../../i18n';
import type { ReadoutItem } from '../../components/lab/Readout';
import { fixed6, vector } from './numbers';
import type { IclPredictions } from './useIclPredictions';

export function predictionItems(
  t: Translate,
  { task, rank, attn, gd, workedEnds }: IclPredictions,
  worked: boolean,
  noise: number,
): ReadoutItem[] {
  const diff = Math.abs(attn.yhat - gd.yhat);
  const etaStar = optimalEta(task.d, task.M, worked ? 0 : noise);
  return [
    ...(worked
      ? [
          {
            name: 'icl-worked-identity',
            label: t('icl.readout.workedI'),
            text: fixed6(workedEnds.identity),
            value: workedEnds.identity,
            detail: `${t('icl.readout.attn')}: ${fixed6(workedEnds.identityAttn)}`,
          },
          {
            name: 'icl-worked-newton',
            label: t('icl.readout.workedNewton'),
            text: fixed6(workedEnds.newton),
            value: workedEnds.newton,
            detail: `${t('icl.readout.attn')}: ${fixed6(workedEnds.newtonAttn)}`,
          },
        ]
      : []),
    {
      name: 'icl-yhat-attn',
      label: t('icl.readout.attn'),
      text: fixed6(attn.yhat),
      value: attn.yhat,
      detail: t('icl.readout.attnDetail'),
    },
    {
      name: 'icl-yhat-gd',
      label: t('icl.readout.gd'),
      text: fixed6(gd.yhat),
      value: gd.yhat,
      detail: t('icl.readout.gdDetail'),
    },
    {
      name: 'icl-diff',
      label: t('icl.readout.diff'),
      text: formatNumber(diff),
      value: diff,
      detail: t('icl.readout.diffDetail'),
    },
    { name: 'icl-target', label: t('icl.readout.target'), text: fixed6(task.yq), value: task.yq },
    { name: 'icl-w1', label: t('icl.readout.w1'), text: vector(gd.w1) },
    { name: 'icl-wstar', label: t('icl.readout.wStar'), text: vector(task.wStar) },
    { name: 'icl-rank', label: t('icl.readout.rank'), text: String(rank), value: rank },
    {
      name: 'icl-eta-star',
      label: t('icl.readout.etaStar'),
      text: formatNumber(etaStar, 4),
      value: etaStar,
      detail: t('icl.readout.etaStarDetail'),
    },
  ];
}
