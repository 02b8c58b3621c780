// RALA (attention-math.md §11): a feature map φ, then kernel linear attention on its features,
// composed from common/featuremap/ (CPU forms, kernels, cost).
import { featureMapCost } from '../common/featuremap/cost';
import { defineVariant } from '../definition';
import { ralaDescriptor } from './descriptor';
import { featureMapBuffers } from '../common/featuremap/buffers';

const cost = featureMapCost('rala', { dimension: (dims) => dims.dk });

export const definition = defineVariant({
  id: 'rala',
  family: 'feature-map',
  descriptor: ralaDescriptor,
  cost,
  buffers: featureMapBuffers(cost),
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
