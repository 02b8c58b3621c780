// Nyströmformer (attention-math.md §21): softmax approximated through m
// landmarks (segment means) and a pseudo-inverse.
import { defineVariant } from '../definition';
import { nystromCost } from './cost';
import { nystromDescriptor } from './descriptor';
import { nystromBuffers } from './buffers';

export const definition = defineVariant({
  id: 'nystrom',
  family: 'low-rank',
  descriptor: nystromDescriptor,
  cost: nystromCost,
  buffers: nystromBuffers,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
