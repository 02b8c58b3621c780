// Hedgehog on the CPU: [softmax(xW), softmax(−xW)] features, then the shared T1 forms.
import { booleanParam, numberParam } from '../common/descriptor';
import { featureCpuVariant, headInput } from '../common/featuremap/cpu';
import { hedgehogFeatures } from '../common/featuremap/maps';

export const cpu = featureCpuVariant((head, params) => {
  const projection = headInput(head, 'projection');
  const { n, dk } = head;
  return {
    head: {
      n,
      r: (2 * projection.length) / dk,
      dv: head.dv,
      phiQ: hedgehogFeatures(head.q, n, dk, projection),
      phiK: hedgehogFeatures(head.k, n, dk, projection),
      v: head.v,
    },
    opts: { causal: booleanParam(params, 'causal'), rule: { kind: 'eps', eps: numberParam(params, 'eps') } },
  };
});
