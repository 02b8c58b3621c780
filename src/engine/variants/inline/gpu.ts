// InLine on WebGPU: an elementwise map, then the shared passes with InLine's
// mean-subtracted row rule (its extra heads return Σv and the count).
import {
  featureGpuForms,
  FEATURE_KIND,
  ROW_RULE,
  elementwiseMapId,
  numberOf,
} from '../common/featuremap/gpu';

export const gpu = featureGpuForms((spec, base) => {
  const name = typeof spec.params?.featureMap === 'string' ? spec.params.featureMap : 'identity';
  return {
    ...base,
    r: spec.dk,
    map: FEATURE_KIND.elementwise,
    elementwise: elementwiseMapId(name),
    rule: ROW_RULE.inline,
    scale: numberOf(spec.params, 'scale', 1 / Math.sqrt(spec.dk)),
  };
});
