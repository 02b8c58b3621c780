// Second-order higher-order linear attention, HLA (attention-math.md §18).
import { defineVariant } from '../definition';
import { hla2Cost } from './cost';
import { hla2Descriptor } from './descriptor';
import { hla2Buffers } from './buffers';

export const definition = defineVariant({
  id: 'hla2',
  family: 'second-order',
  descriptor: hla2Descriptor,
  cost: hla2Cost,
  buffers: hla2Buffers,
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
