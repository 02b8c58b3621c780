// Performer on the CPU: φ = positive random features (featuremap/maps.ts), then
// the shared T1 forms; normalize false leaves the rows unnormalised.
import { booleanParam, numberParam } from '../common/descriptor';
import { featureCpuVariant, headInput } from '../common/featuremap/cpu';
import { performerFeatures } from '../common/featuremap/maps';

export const cpu = featureCpuVariant((head, params) => {
  const projection = headInput(head, 'projection');
  const { n, dk } = head;
  return {
    head: {
      n,
      r: projection.length / dk,
      dv: head.dv,
      phiQ: performerFeatures(head.q, n, dk, projection),
      phiK: performerFeatures(head.k, n, dk, projection),
      v: head.v,
    },
    opts: {
      causal: booleanParam(params, 'causal'),
      rule: booleanParam(params, 'normalize')
        ? { kind: 'eps', eps: numberParam(params, 'eps') }
        : { kind: 'none' },
    },
  };
});
