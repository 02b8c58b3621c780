// Second-order higher-order linear attention (HLA, arXiv 2510.27258), the
// masked, undecayed form of attention-math.md §18 and the contract's `hla2` row:
//   o_t = Σ_{j≤t} Σ_{i≤j} (q_t·k_i)(q_j·k_i) v_j
//       = (q_t S^K_t) C_t − q_t G_t,  S^K = Σ kᵀk, C = Σ qᵀv, G_t = G_{t−1} + k_tᵀ(k_t C_{t−1}).
// No scale and no feature map (φ = identity). normalize divides by the same sum
// with v ≡ 1 (u·m_t − q_t·h_t) plus eps. Causal only (the paper's masked form).
import { causalParam, chunkSizeParam, epsParam, type VariantDescriptor } from '../common/descriptor';

export const hla2Descriptor: VariantDescriptor = {
  id: 'hla2',
  title: 'Higher-order linear attention (2nd order)',
  forms: ['parallel', 'recurrent', 'chunk'],
  causal: 'causal-only',
  params: {
    causal: causalParam,
    normalize: {
      kind: 'boolean',
      default: false,
      description:
        'divide by the second-order normaliser (q_t S^K_t)·m_t − q_t·h_t + eps (the same sum with v ≡ 1; it may be negative)',
    },
    eps: {
      ...epsParam,
      description: 'added to the second-order normaliser when normalize is on',
    },
    chunkSize: chunkSizeParam,
  },
  extraInputs: [],
  // [S^K (dk×dk), C (dk×dv), G (dk×dv)] concatenated, each row-major (not one
  // rectangle when dk ≠ dv), so the shape is one row of dk² + 2·dk·dv floats.
  stateShape: (dims) => [1, dims.dk * dims.dk + 2 * dims.dk * dims.dv],
};
