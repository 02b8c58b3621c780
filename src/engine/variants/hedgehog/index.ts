// Hedgehog (attention-math.md §8): a feature map φ, then kernel linear attention on its features,
// composed from common/featuremap/ (CPU forms, kernels, cost).
import { hedgehogProjection } from '../../inputs/randomFeatures';
import { featureMapCost, featuresFromDims } from '../common/featuremap/cost';
import { defineVariant } from '../definition';
import { hedgehogDescriptor } from './descriptor';
import { featureMapBuffers } from '../common/featuremap/buffers';

const cost = featureMapCost('hedgehog', {
  dimension: (dims) => featuresFromDims('hedgehog', dims),
  projectedColumns: (r) => r / 2,
});

export const definition = defineVariant({
  id: 'hedgehog',
  family: 'feature-map',
  descriptor: hedgehogDescriptor,
  cost,
  buffers: featureMapBuffers(cost),
  featuresFromInputs: (inputs, { dk }) =>
    inputs.projection ? (2 * inputs.projection.length) / dk : undefined,
  exampleInputs: ({ dk }) => ({ projection: hedgehogProjection({ dk, r: dk }) }),
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
