// Focused linear attention on WebGPU: the shared feature passes with φ_p.
import { featureGpuForms, FEATURE_KIND, ROW_RULE, numberOf } from '../common/featuremap/gpu';

export const gpu = featureGpuForms((spec, base) => ({
  ...base,
  r: spec.dk,
  map: FEATURE_KIND.focused,
  rule: ROW_RULE.eps,
  p: numberOf(spec.params, 'p', 3),
}));
