// Cost of softmax attention and of its windowed form (attention-math.md §1, §2).
// Every form (parallel, KV-cache recurrent, flash) scores the same pairs and sums
// the same weighted values; the forms differ in memory, not in FLOPs.
import { attentionPairs, kvCacheBytes, matrixWork, type CostModel, type CostParams } from '../common/cost';
import { EngineError } from '../../types';

/** `window`: the keys each query sees (Infinity for plain softmax). */
export function softmaxCost(id: string, window: (p: CostParams) => number): CostModel {
  return {
    flopsPerHead: (_form, { n, dk, dv }, p) => attentionPairs(n, p.causal, window(p)) * 2 * (dk + dv),
    workMemory(form, { n, dk, dv }, p, bytesPerElement) {
      if (form === 'parallel') return matrixWork(n, bytesPerElement);
      if (form === 'flash') {
        return {
          bytesPerHead: 2 * n * bytesPerElement,
          label: 'row max and sum (2 per query)',
          matrix: false,
        };
      }
      if (form === 'recurrent') {
        // A window variant would keep only w entries (ring buffer).
        const cached = Math.min(n, window(p));
        return {
          bytesPerHead: kvCacheBytes(cached, dk, dv, bytesPerElement),
          label: 'KV cache',
          matrix: false,
        };
      }
      throw new EngineError(`variant "${id}" has no ${form} form`);
    },
  };
}
