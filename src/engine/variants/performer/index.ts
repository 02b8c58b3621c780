// Performer (FAVOR+, attention-math.md §5): a feature map φ, then kernel linear attention on its features,
// composed from common/featuremap/ (CPU forms, kernels, cost).
import { performerProjection } from '../../inputs/randomFeatures';
import { featureMapCost, featuresFromDims } from '../common/featuremap/cost';
import { defineVariant } from '../definition';
import { performerDescriptor } from './descriptor';
import { featureMapBuffers } from '../common/featuremap/buffers';

/** Random features (rows of the projection) of the example inputs: the lab default. */
export const PERFORMER_EXAMPLE_M = 64;

const cost = featureMapCost('performer', {
  dimension: (dims) => featuresFromDims('performer', dims),
  normalised: (p) => p.normalize,
  projectedColumns: (r) => r,
});

export const definition = defineVariant({
  id: 'performer',
  family: 'feature-map',
  descriptor: performerDescriptor,
  cost,
  buffers: featureMapBuffers(cost, { shifted: true }),
  featuresFromInputs: (inputs, { dk }) => (inputs.projection ? inputs.projection.length / dk : undefined),
  exampleInputs: ({ seed, dk }) => ({
    projection: performerProjection({ seed: seed * 3 + 7, m: PERFORMER_EXAMPLE_M, dk }),
  }),
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
