// Based on WebGPU: the shared feature passes with the 1 + dk + dk² Taylor features.
import { featureGpuForms, FEATURE_KIND, ROW_RULE } from '../common/featuremap/gpu';

export const gpu = featureGpuForms((spec, base) => ({
  ...base,
  r: 1 + spec.dk + spec.dk * spec.dk,
  map: FEATURE_KIND.based,
  rule: ROW_RULE.eps,
}));
