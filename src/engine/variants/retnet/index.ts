// RetNet (attention-math.md §12): one of the six gated variants; its rule
// (rule.ts) is all that sets it apart in the shared kernels of common/gated/.
import { gatedCost } from '../common/gated/cost';
import { gatedExampleInputs } from '../common/gated/inputs';
import { defineVariant } from '../definition';
import { retnetDescriptor } from './descriptor';
import { retnetRule } from './rule';
import { gatedBuffers } from '../common/gated/buffers';

export const definition = defineVariant({
  id: 'retnet',
  family: 'gated',
  descriptor: retnetDescriptor,
  cost: gatedCost(retnetRule, 'retnet'),
  buffers: gatedBuffers(retnetRule),
  exampleInputs: gatedExampleInputs(retnetRule),
  gated: retnetRule,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
