// Sliding-window attention (attention-math.md §2): softmax with a banded causal
// mask, so it composes softmax's CPU forms, kernels and cost with its window.
import { defineVariant } from '../definition';
import { softmaxCost } from '../softmax/cost';
import { swaDescriptor } from './descriptor';
import { parallelMatrixPlan } from '../common/buffers';

export const definition = defineVariant({
  id: 'swa',
  family: 'exact-softmax',
  descriptor: swaDescriptor,
  cost: softmaxCost('swa', (p) => p.window),
  buffers: parallelMatrixPlan,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
