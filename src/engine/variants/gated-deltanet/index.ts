// Gated DeltaNet (attention-math.md §17): one of the six gated variants; its rule
// (rule.ts) is all that sets it apart in the shared kernels of common/gated/.
import { gatedCost } from '../common/gated/cost';
import { gatedExampleInputs } from '../common/gated/inputs';
import { defineVariant } from '../definition';
import { gatedDeltanetDescriptor } from './descriptor';
import { gatedDeltanetRule } from './rule';
import { gatedBuffers } from '../common/gated/buffers';

export const definition = defineVariant({
  id: 'gated-deltanet',
  family: 'gated',
  descriptor: gatedDeltanetDescriptor,
  cost: gatedCost(gatedDeltanetRule, 'gated-deltanet'),
  buffers: gatedBuffers(gatedDeltanetRule),
  exampleInputs: gatedExampleInputs(gatedDeltanetRule),
  gated: gatedDeltanetRule,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
