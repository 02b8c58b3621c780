// The cost model of the gated and delta-rule variants (attention-math.md §12,
// §14–§17), from a variant's rule. Their gates (e^g, γ, β scaling) are
// elementwise and, by analysis/cost.ts's convention, not counted; what is
// counted per head:
// - recurrent, decay family (retnet, mamba2, gla, rwkv6): per token the write
//   k_tv_tᵀ into the dk×dv state (2·dk·dv) and the read q_tS_t (2·dk·dv); RWKV-6's
//   bonus (q_t⊙u·k_t)v_t is O(dk + dv), not a matrix product, and is left out.
// - recurrent, delta rule (deltanet, gated-deltanet): the prediction k_tᵀS_{t−1}
//   (2·dk·dv) before the rank-1 correction (2·dk·dv) and the read (2·dk·dv).
// - parallel, decay family: the masked QKᵀ and its product with V over the causal
//   pairs, like linear attention without a normaliser.
// - parallel, delta rule (UT form over the whole sequence): strict-lower
//   diag(β)KKᵀ (2·dk per strict pair), forward substitution of (I + A)⁻¹ against
//   diag(β)V (2·dv per strict pair), then QKᵀ and its product with U over the
//   causal pairs.
// - chunk (chunks of c, the last one shorter): intra-chunk work as the parallel
//   form inside each chunk, plus inter-chunk read-out Q_[c]S (2·c·dk·dv) and state
//   update K_[c]ᵀV_[c] (2·c·dk·dv); the delta rule's chunk form also does the
//   substitution for W and U (2·(dk + dv) per strict pair: W = T·diag(β)K,
//   U = T·diag(β)V) and the correction U − WS (2·c·dk·dv), and its intra block
//   uses strict KKᵀ (2·dk per strict pair).
import { matrixWork, noForm, type CostModel } from '../cost';
import { gateChannels, type GatedRule } from './rule';

export function gatedCost(rule: GatedRule, id: string): CostModel {
  const delta = rule.delta;
  return {
    flopsPerHead(form, { n, dk, dv }, p) {
      const stateProducts = (delta ? 6 : 4) * dk * dv; // per token, see above
      const causalPairs = (m: number) => (m * (m + 1)) / 2;
      const strictPairs = (m: number) => (m * (m - 1)) / 2;
      // Work of the parallel form over a block of m tokens (the whole sequence, or one chunk).
      const block = (m: number) =>
        causalPairs(m) * 2 * (dk + dv) + (delta ? strictPairs(m) * 2 * (dk + dv) : 0);
      switch (form) {
        case 'recurrent':
          return n * stateProducts;
        case 'parallel':
          return block(n);
        case 'chunk': {
          let total = 0;
          for (let start = 0; start < n; start += p.chunkSize) {
            const c = Math.min(p.chunkSize, n - start);
            total += block(c) + c * stateProducts;
          }
          return total;
        }
        default:
          throw noForm(id, form);
      }
    },
    workMemory(form, { n, dk, dv }, p, bytesPerElement) {
      const state = dk * dv * bytesPerElement;
      if (form === 'parallel') return matrixWork(n, bytesPerElement);
      if (form === 'recurrent') return { bytesPerHead: state, label: `state S (${dk}×${dv})`, matrix: false };
      if (form === 'chunk') {
        const c = Math.min(p.chunkSize, n);
        // The delta rule also keeps W (c×dk) and U (c×dv) of the chunk.
        const wy = delta ? c * (dk + dv) * bytesPerElement : 0;
        return {
          bytesPerHead: state + c * c * bytesPerElement + wy,
          label: delta ? 'state + chunk×chunk tile + W, U' : 'state + chunk×chunk tile',
          matrix: false,
        };
      }
      throw noForm(`variant "${id}"`, form);
    },
    // g per token (one, or one per key channel), β per token, and RWKV-6's u per head.
    recurrentInputFloats: (dk) => ({
      perToken:
        (rule.decay === 'token' || rule.decay === 'channel' ? gateChannels(rule, dk) : 0) + (delta ? 1 : 0),
      perHead: rule.bonus ? dk : 0,
    }),
  };
}
