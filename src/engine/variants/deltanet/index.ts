// DeltaNet (attention-math.md §17): one of the six gated variants; its rule
// (rule.ts) is all that sets it apart in the shared kernels of common/gated/.
import { gatedCost } from '../common/gated/cost';
import { gatedExampleInputs } from '../common/gated/inputs';
import { defineVariant } from '../definition';
import { deltanetDescriptor } from './descriptor';
import { deltanetRule } from './rule';
import { gatedBuffers } from '../common/gated/buffers';

export const definition = defineVariant({
  id: 'deltanet',
  family: 'gated',
  descriptor: deltanetDescriptor,
  cost: gatedCost(deltanetRule, 'deltanet'),
  buffers: gatedBuffers(deltanetRule),
  exampleInputs: gatedExampleInputs(deltanetRule),
  gated: deltanetRule,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
