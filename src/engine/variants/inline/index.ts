// InLine (attention-math.md §10): a feature map φ, then kernel linear attention on its features,
// composed from common/featuremap/ (CPU forms, kernels, cost).
import { featureMapCost } from '../common/featuremap/cost';
import { defineVariant } from '../definition';
import { inlineDescriptor } from './descriptor';
import { featureMapBuffers } from '../common/featuremap/buffers';

const cost = featureMapCost('inline', {
  dimension: (dims) => dims.dk,
  // Σv (dv floats) and the count beside S and z.
  extraStateFloats: (dv) => dv + 1,
});

export const definition = defineVariant({
  id: 'inline',
  family: 'feature-map',
  descriptor: inlineDescriptor,
  cost,
  buffers: featureMapBuffers(cost, { doubledHeads: true }),
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
