// RWKV-6 (attention-math.md §16): one of the six gated variants; its rule
// (rule.ts) is all that sets it apart in the shared kernels of common/gated/.
import { gatedCost } from '../common/gated/cost';
import { gatedExampleInputs } from '../common/gated/inputs';
import { defineVariant } from '../definition';
import { rwkv6Descriptor } from './descriptor';
import { rwkv6Rule } from './rule';
import { gatedBuffers } from '../common/gated/buffers';

export const definition = defineVariant({
  id: 'rwkv6',
  family: 'gated',
  descriptor: rwkv6Descriptor,
  cost: gatedCost(rwkv6Rule, 'rwkv6'),
  buffers: gatedBuffers(rwkv6Rule),
  exampleInputs: gatedExampleInputs(rwkv6Rule),
  gated: rwkv6Rule,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
