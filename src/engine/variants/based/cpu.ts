// Based on the CPU: the parallel form scores with the closed-form Taylor kernel
// 1 + s + s²/2 (as fla's naive_parallel_based does); recurrent and chunk carry
// the state of the explicit 1 + dk + dk² features. That the two agree is the
// check that the feature map is right.
import { rowDot } from '../common/head';
import { booleanParam, numberParam } from '../common/descriptor';
import { featureCpuVariant } from '../common/featuremap/cpu';
import { basedFeatures, taylorKernel } from '../common/featuremap/maps';

export const cpu = featureCpuVariant((head, params) => {
  const { n, dk, q, k } = head;
  const scale = 1 / Math.sqrt(dk);
  return {
    head: {
      n,
      r: 1 + dk + dk * dk,
      dv: head.dv,
      phiQ: basedFeatures(q, n, dk),
      phiK: basedFeatures(k, n, dk),
      v: head.v,
    },
    opts: { causal: booleanParam(params, 'causal'), rule: { kind: 'eps', eps: numberParam(params, 'eps') } },
    parallelScore: (i, j) => taylorKernel(scale * rowDot(q, i, k, j, dk)),
  };
});
