// cosFormer (attention-math.md §6): a feature map φ, then kernel linear attention on its features,
// composed from common/featuremap/ (CPU forms, kernels, cost).
import { featureMapCost } from '../common/featuremap/cost';
import { defineVariant } from '../definition';
import { cosformerDescriptor } from './descriptor';
import { featureMapBuffers } from '../common/featuremap/buffers';

const cost = featureMapCost('cosformer', { dimension: (dims) => 2 * dims.dk });

export const definition = defineVariant({
  id: 'cosformer',
  family: 'feature-map',
  descriptor: cosformerDescriptor,
  cost,
  buffers: featureMapBuffers(cost),
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
