// Cost of kernel linear attention (attention-math.md §3, §4, T1) with an
// elementwise φ: r = dk features; a normalised form carries z as one more value column.
import { linearFlopsPerHead, linearStateBytes, linearWorkMemory, type CostModel } from '../common/cost';

export const linearCost: CostModel = {
  flopsPerHead: (form, { n, dk, dv }, p) => linearFlopsPerHead(form, n, dk, dv + (p.normalize ? 1 : 0), p),
  workMemory(form, { n, dk, dv }, p, bytesPerElement) {
    const state = linearStateBytes(dk, dv, p.normalize, bytesPerElement);
    return linearWorkMemory('linear', form, n, state, 'state S (and z)', p, bytesPerElement);
  },
};
