// InLine on the CPU: elementwise φ, then the shared forms with InLine's row rule
// o_i = (scale/N_i)(φ(q_i)S_i − (φ(q_i)·z_i)·u_i/N_i) + u_i/N_i (attention-math.md
// §10, causal form derived there), so the recurrent form also carries u = Σv and N.
import { booleanParam, numberParam, stringParam } from '../common/descriptor';
import { featureCpuVariant } from '../common/featuremap/cpu';
import { elementwiseFeatures } from '../common/featuremap/maps';
import type { FeatureMap } from '../linear/descriptor';

export const cpu = featureCpuVariant((head, params) => {
  const map = stringParam(params, 'featureMap') as FeatureMap;
  return {
    head: {
      n: head.n,
      r: head.dk,
      dv: head.dv,
      phiQ: elementwiseFeatures(head.q, map),
      phiK: elementwiseFeatures(head.k, map),
      v: head.v,
    },
    opts: {
      causal: booleanParam(params, 'causal'),
      rule: { kind: 'mean-subtracted', scale: numberParam(params, 'scale') },
    },
  };
});
