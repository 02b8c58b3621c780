// Performer on WebGPU: the shared feature passes with the positive random
// features (FEATURE_KIND.performer) and the exponent shifts undone exactly.
import { featureGpuForms, FEATURE_KIND, ROW_RULE } from '../common/featuremap/gpu';
import { EngineError } from '../../types';

export const gpu = featureGpuForms((spec, base) => {
  const projection = spec.inputs?.projection;
  if (!projection) throw new EngineError('performer needs inputs.projection (m×dk)');
  const normalize = spec.params?.normalize !== false;
  return {
    ...base,
    r: projection.length / spec.dk,
    map: FEATURE_KIND.performer,
    rule: normalize ? ROW_RULE.eps : ROW_RULE.none,
    projection,
    shifted: true,
  };
});
