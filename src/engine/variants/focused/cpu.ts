// Focused linear attention on the CPU: φ_p features, then the shared T1 forms.
import { booleanParam, numberParam } from '../common/descriptor';
import { featureCpuVariant } from '../common/featuremap/cpu';
import { focusedFeatures } from '../common/featuremap/maps';

export const cpu = featureCpuVariant((head, params) => {
  const { n, dk } = head;
  const p = numberParam(params, 'p');
  return {
    head: {
      n,
      r: dk,
      dv: head.dv,
      phiQ: focusedFeatures(head.q, n, dk, p),
      phiK: focusedFeatures(head.k, n, dk, p),
      v: head.v,
    },
    opts: { causal: booleanParam(params, 'causal'), rule: { kind: 'eps', eps: numberParam(params, 'eps') } },
  };
});
