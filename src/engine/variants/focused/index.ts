// Focused linear attention (attention-math.md §9): a feature map φ, then kernel linear attention on its features,
// composed from common/featuremap/ (CPU forms, kernels, cost).
import { featureMapCost } from '../common/featuremap/cost';
import { defineVariant } from '../definition';
import { focusedDescriptor } from './descriptor';
import { featureMapBuffers } from '../common/featuremap/buffers';

const cost = featureMapCost('focused', { dimension: (dims) => dims.dk });

export const definition = defineVariant({
  id: 'focused',
  family: 'feature-map',
  descriptor: focusedDescriptor,
  cost,
  buffers: featureMapBuffers(cost),
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
