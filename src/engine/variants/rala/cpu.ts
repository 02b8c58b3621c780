// RALA on the CPU: elu+1 features, keys reweighted by α (featuremap/maps.ts),
// then non-causal T1 (parallel form only: see the descriptor).
import { booleanParam, numberParam } from '../common/descriptor';
import { featureCpuVariant } from '../common/featuremap/cpu';
import { elementwiseFeatures, ralaKeyFeatures } from '../common/featuremap/maps';

const ralaFeatureForms = featureCpuVariant((head, params) => {
  const { n, dk } = head;
  const phiQ = elementwiseFeatures(head.q, 'elu1');
  const phiK = ralaKeyFeatures(
    phiQ,
    elementwiseFeatures(head.k, 'elu1'),
    n,
    dk,
    numberParam(params, 'scale'),
  );
  return {
    head: { n, r: dk, dv: head.dv, phiQ, phiK, v: head.v },
    opts: { causal: booleanParam(params, 'causal'), rule: { kind: 'eps', eps: numberParam(params, 'eps') } },
  };
});

/** RALA has no recurrent state (the contract's vectors carry none), so the run reports only o. */
export const cpu: typeof ralaFeatureForms = {
  run: (head, form, params) => ({ o: ralaFeatureForms.run(head, form, params).o }),
  weights: ralaFeatureForms.weights,
  features: ralaFeatureForms.features,
};
