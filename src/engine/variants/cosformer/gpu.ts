// cosFormer on WebGPU: the shared feature passes with the 2dk sin/cos features
// and the clamped row rule.
import { featureGpuForms, FEATURE_KIND, ROW_RULE, numberOf } from '../common/featuremap/gpu';

export const gpu = featureGpuForms((spec, base) => ({
  ...base,
  r: 2 * spec.dk,
  map: FEATURE_KIND.cosformer,
  rule: ROW_RULE.clamp,
  maxLen: numberOf(spec.params, 'maxLen', spec.n),
}));
