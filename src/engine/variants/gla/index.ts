// GLA (attention-math.md §15): one of the six gated variants; its rule
// (rule.ts) is all that sets it apart in the shared kernels of common/gated/.
import { gatedCost } from '../common/gated/cost';
import { gatedExampleInputs } from '../common/gated/inputs';
import { defineVariant } from '../definition';
import { glaDescriptor } from './descriptor';
import { glaRule } from './rule';
import { gatedBuffers } from '../common/gated/buffers';

export const definition = defineVariant({
  id: 'gla',
  family: 'gated',
  descriptor: glaDescriptor,
  cost: gatedCost(glaRule, 'gla'),
  buffers: gatedBuffers(glaRule),
  exampleInputs: gatedExampleInputs(glaRule),
  gated: glaRule,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
