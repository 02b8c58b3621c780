// cosFormer on the CPU: the 2dk sin/cos features, then the shared T1 forms with
// the official clamp o = num / max(den, eps).
import { booleanParam, numberParam } from '../common/descriptor';
import { featureCpuVariant } from '../common/featuremap/cpu';
import { cosformerFeatures } from '../common/featuremap/maps';

export const cpu = featureCpuVariant((head, params) => {
  const { n, dk } = head;
  const maxLen = numberParam(params, 'maxLen');
  return {
    head: {
      n,
      r: 2 * dk,
      dv: head.dv,
      phiQ: cosformerFeatures(head.q, n, dk, maxLen),
      phiK: cosformerFeatures(head.k, n, dk, maxLen),
      v: head.v,
    },
    opts: {
      causal: booleanParam(params, 'causal'),
      rule: { kind: 'clamp', eps: numberParam(params, 'eps') },
    },
  };
});
