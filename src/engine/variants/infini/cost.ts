// Cost of Infini-attention (attention-math.md §19), segments of N_s = params.segment.
// parallel: every causal pair is scored once (softmax in the segment, σ(q)·σ(k)
// to the left of it) and weighs a value row: 2·(dk + dv) per pair.
// chunk: per segment of c tokens the causal c×c softmax block, the memory
// read σ(Q)[M, z] and the update σ(K)ᵀ[V, 1] (2·c·dk·(dv + 1) each).
import { EngineError } from '../../types';
import { attentionPairs, matrixWork, type CostModel, type CostParams } from '../common/cost';

function segmentOf(p: CostParams): number {
  const segment = p.raw.segment ?? 64;
  return typeof segment === 'number' && segment >= 1 ? segment : 64;
}

export const infiniCost: CostModel = {
  flopsPerHead(form, { n, dk, dv }, p) {
    const segment = segmentOf(p);
    if (form === 'parallel') return attentionPairs(n, true) * 2 * (dk + dv);
    let total = 0;
    for (let start = 0; start < n; start += segment) {
      const c = Math.min(segment, n - start);
      total += ((c * (c + 1)) / 2) * 2 * (dk + dv) + 2 * (2 * c * dk * (dv + 1));
    }
    return total;
  },
  workMemory(form, { n, dk, dv }, p, bytesPerElement) {
    if (form === 'parallel') return matrixWork(n, bytesPerElement);
    if (form === 'chunk') {
      // Memory M (dk×dv) and z (dk), plus the segment's c×c softmax tile (c = N_s).
      const c = Math.min(segmentOf(p), n);
      return {
        bytesPerHead: (dk * dv + dk + c * c) * bytesPerElement,
        label: 'memory M, z + segment×segment tile',
        matrix: false,
      };
    }
    throw new EngineError(`variant "infini" has no ${form} form`);
  },
};
