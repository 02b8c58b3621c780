// Mamba-2 (attention-math.md §14): one of the six gated variants; its rule
// (rule.ts) is all that sets it apart in the shared kernels of common/gated/.
import { gatedCost } from '../common/gated/cost';
import { gatedExampleInputs } from '../common/gated/inputs';
import { defineVariant } from '../definition';
import { mamba2Descriptor } from './descriptor';
import { mamba2Rule } from './rule';
import { gatedBuffers } from '../common/gated/buffers';

export const definition = defineVariant({
  id: 'mamba2',
  family: 'gated',
  descriptor: mamba2Descriptor,
  cost: gatedCost(mamba2Rule, 'mamba2'),
  buffers: gatedBuffers(mamba2Rule),
  exampleInputs: gatedExampleInputs(mamba2Rule),
  gated: mamba2Rule,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
