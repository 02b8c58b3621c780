// Cost of second-order HLA (attention-math.md §18), w = dv + 1 value columns
// when normalised (the normaliser is the v ≡ 1 column), d = dk. Recurrent, per
// token: k C and the G update (4·d·w), S^K += kᵀk (2d²), C += qᵀv (2·d·w),
// u = q S^K (2d²), u C − q G (4·d·w). Parallel: X = QKᵀ over the causal
// pairs (2d each), P = (X Xᵀ) ⊙ M (Σ_t (t+1)(t+2) = n(n+1)(n+2)/3), P·V.
// Chunk (c tokens): the parallel work of the chunk, u = q S_A (2cd²), the
// middle term (2d per pair), the inter term (4·c·d·w), the chunk's own
// state (c·(2d² + 6·d·w)) and the carry S_B C_A (2d²w).
import { EngineError } from '../../types';
import { noForm, type CostModel } from '../common/cost';

export const hla2Cost: CostModel = {
  flopsPerHead(form, { n, dk, dv }, p) {
    // Only an explicit normalize counts the extra column here (the model's own convention).
    const w = dv + (p.raw.normalize === true ? 1 : 0);
    const pairs = (m: number) => (m * (m + 1)) / 2;
    const block = (m: number) => pairs(m) * 2 * (dk + w) + (m * (m + 1) * (m + 2)) / 3;
    if (form === 'recurrent') return n * (4 * dk * dk + 10 * dk * w);
    if (form === 'parallel') return block(n);
    if (form !== 'chunk') throw noForm('hla2', form);
    let total = 0;
    for (let start = 0; start < n; start += p.chunkSize) {
      const c = Math.min(p.chunkSize, n - start);
      total += block(c) + 2 * c * dk * dk + pairs(c) * 2 * dk + 4 * c * dk * w;
      total += c * (2 * dk * dk + 6 * dk * w) + 2 * dk * dk * w;
    }
    return total;
  },
  workMemory(form, { n, dk, dv }, p, bytesPerElement) {
    // S^K (dk²), C and G (dk·dv each), m and h (dk each) when normalised.
    const state = (dk * dk + 2 * dk * dv + (p.normalize ? 2 * dk : 0)) * bytesPerElement;
    if (form === 'parallel')
      return { bytesPerHead: 2 * n * n * bytesPerElement, label: 'n×n X = QKᵀ ⊙ M and P', matrix: true };
    if (form === 'recurrent') return { bytesPerHead: state, label: 'state S^K, C, G (m, h)', matrix: false };
    if (form === 'chunk') {
      const c = Math.min(p.chunkSize, n);
      return {
        bytesPerHead: state + 2 * c * c * bytesPerElement,
        label: 'state + two chunk×chunk tiles',
        matrix: false,
      };
    }
    throw new EngineError(`variant "hla2" has no ${form} form`);
  },
};
