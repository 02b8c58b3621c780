// Linformer (attention-math.md §20): keys and values projected along the
// sequence to kproj rows, so softmax runs on an n×kproj matrix.
import { linformerProjections } from '../../inputs/projections';
import { defineVariant } from '../definition';
import { linformerCost } from './cost';
import { linformerDescriptor } from './descriptor';
import { linformerBuffers } from './buffers';

/** Projection length kproj of the example inputs: the lab default. */
export const LINFORMER_EXAMPLE_KPROJ = 32;

export const definition = defineVariant({
  id: 'linformer',
  family: 'low-rank',
  descriptor: linformerDescriptor,
  cost: linformerCost,
  buffers: linformerBuffers,
  featuresFromInputs: (inputs, { n }) => (inputs.E ? inputs.E.length / n : undefined),
  exampleInputs: ({ seed, n }) => {
    const { E, F } = linformerProjections({ n, kproj: LINFORMER_EXAMPLE_KPROJ, seed: seed * 3 + 8 });
    return { E, F };
  },
  loadCpu: () => import('./cpu').then((m) => m.cpu),
  loadGpu: () => import('./gpu').then((m) => m.gpu),
});
