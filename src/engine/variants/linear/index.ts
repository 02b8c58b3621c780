// Kernel linear attention (attention-math.md §3, §4, T1): the variant the
// feature-map family builds on; its kernels (gpu/kernels.ts) are shared with them.
import { defineVariant } from '../definition';
import { linearCost } from './cost';
import { linearDescriptor } from './descriptor';
import { linearBuffers } from './buffers';

export const definition = defineVariant({
  id: 'linear',
  family: 'kernel-linear',
  descriptor: linearDescriptor,
  cost: linearCost,
  buffers: linearBuffers,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
