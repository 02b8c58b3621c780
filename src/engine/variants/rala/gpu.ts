// RALA on WebGPU: elu+1 features with the keys reweighted by α (rala_reweight.wgsl).
import {
  featureGpuForms,
  FEATURE_KIND,
  ROW_RULE,
  elementwiseMapId,
  numberOf,
} from '../common/featuremap/gpu';

export const gpu = featureGpuForms((spec, base) => ({
  ...base,
  r: spec.dk,
  map: FEATURE_KIND.elementwise,
  elementwise: elementwiseMapId('elu1'),
  rule: ROW_RULE.eps,
  ralaReweight: true,
  scale: numberOf(spec.params, 'scale', 1 / Math.sqrt(spec.dk)),
}));
