// Infini-attention (attention-math.md §19): local softmax per segment plus a
// compressive linear memory, mixed by the gate β.
import { defineVariant } from '../definition';
import { infiniCost } from './cost';
import { infiniDescriptor } from './descriptor';
import { infiniBuffers } from './buffers';

export const definition = defineVariant({
  id: 'infini',
  family: 'compressive-memory',
  descriptor: infiniDescriptor,
  cost: infiniCost,
  buffers: infiniBuffers,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
