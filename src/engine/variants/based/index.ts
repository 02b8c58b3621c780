// Based (attention-math.md §7): a feature map φ, then kernel linear attention on its features,
// composed from common/featuremap/ (CPU forms, kernels, cost).
import { featureMapCost } from '../common/featuremap/cost';
import { defineVariant } from '../definition';
import { basedDescriptor } from './descriptor';
import { featureMapBuffers } from '../common/featuremap/buffers';

const cost = featureMapCost('based', { dimension: (dims) => 1 + dims.dk + dims.dk * dims.dk });

export const definition = defineVariant({
  id: 'based',
  family: 'feature-map',
  descriptor: basedDescriptor,
  cost,
  buffers: featureMapBuffers(cost),
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
