// Cost of Linformer (attention-math.md §20), kproj = dims.features (rows of E, F):
// E·K and F·V (2·kproj·n·dk, 2·kproj·n·dv), the n×kproj scores Q(EK)ᵀ and
// their product with FV (2·n·kproj·(dk + dv)). Linear in n for a fixed kproj.
// Nothing n×n is formed.
import { EngineError } from '../../types';
import type { CostModel } from '../common/cost';

export const linformerCost: CostModel = {
  flopsPerHead(_form, { n, dk, dv, features }) {
    if (features === undefined || !(features >= 1))
      throw new EngineError('the cost of linformer needs dims.features (kproj, the rows of E and F)');
    return 4 * n * features * (dk + dv);
  },
  workMemory(form, { n, dk, dv, features }, _p, bytesPerElement) {
    if (form !== 'parallel') throw new EngineError(`variant "linformer" has no ${form} form`);
    const r = features ?? 0;
    return {
      bytesPerHead: (n * r + r * (dk + dv)) * bytesPerElement,
      label: 'n×kproj scores + E·K, F·V',
      matrix: false,
    };
  },
};
