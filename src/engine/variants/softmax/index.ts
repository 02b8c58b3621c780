// Softmax attention (attention-math.md §1): the quadratic baseline every other
// variant is measured against.
import { defineVariant } from '../definition';
import { softmaxCost } from './cost';
import { softmaxDescriptor } from './descriptor';
import { parallelMatrixPlan } from '../common/buffers';

export const definition = defineVariant({
  id: 'softmax',
  family: 'exact-softmax',
  quadratic: true,
  descriptor: softmaxDescriptor,
  cost: softmaxCost('softmax', () => Infinity),
  buffers: parallelMatrixPlan,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
