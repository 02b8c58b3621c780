// Hedgehog on WebGPU: the shared feature passes with [softmax(xW), softmax(−xW)].
import { featureGpuForms, FEATURE_KIND, ROW_RULE } from '../common/featuremap/gpu';
import { EngineError } from '../../types';

export const gpu = featureGpuForms((spec, base) => {
  const projection = spec.inputs?.projection;
  if (!projection) throw new EngineError('hedgehog needs inputs.projection (dk×r)');
  const cols = projection.length / spec.dk;
  return {
    ...base,
    r: 2 * cols,
    map: FEATURE_KIND.hedgehog,
    rule: ROW_RULE.eps,
    projection,
    projectionCols: cols,
  };
});
