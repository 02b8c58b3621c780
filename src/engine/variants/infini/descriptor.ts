import { causalParam, chunkSizeParam, scaleParam, type VariantDescriptor } from '../common/descriptor';

/**
 * Infini-attention (attention-math.md §19, arXiv 2404.07143), the linear memory
 * update without the delta rule. Tokens are cut into segments of N_s; token t of
 * segment s (tokens s·N_s … s·N_s + N_s − 1, 0-based) gets
 *   A_dot(t) = causal softmax(scale·q_t·k_j) over j in its own segment, j ≤ t,
 *   A_mem(t) = σ(q_t)M_s / (σ(q_t)·z_s), M_s = Σ_{j < s·N_s} σ(k_j)ᵀv_j,
 *              z_s = Σ_{j < s·N_s} σ(k_j), σ = elu + 1, A_mem := 0 while z_s = 0,
 *   o_t = sigmoid(β)·A_mem(t) + (1 − sigmoid(β))·A_dot(t).
 * Forms: `parallel` materialises the n×n map; `chunk` walks the segments with the
 * memory as the inter-chunk state (the contract's "chunk = segment": the chunks of
 * this form ARE the segments). `chunkSize` is accepted so that every chunk form
 * takes the same parameters (the shared vectors and the generic labs pass it),
 * but it cannot change the result: the segment fixes both the mask and the
 * memory's update points, so N_s, not chunkSize, is the chunk of this form.
 * State: the memory M over all n tokens (dk×dv), as the shared vectors define it.
 */
export const infiniDescriptor: VariantDescriptor = {
  id: 'infini',
  title: 'Infini-attention',
  forms: ['parallel', 'chunk'],
  // Segments are read left to right: memory holds earlier segments only.
  causal: 'causal-only',
  params: {
    causal: causalParam,
    scale: scaleParam,
    segment: {
      kind: 'number',
      default: 64,
      min: 1,
      integer: true,
      description: 'segment length N_s: softmax inside a segment, compressive memory across segments',
    },
    beta: {
      kind: 'number',
      default: 0,
      description: 'mixing gate logit β: o = sigmoid(β)·A_mem + (1 − sigmoid(β))·A_dot',
    },
    chunkSize: {
      ...chunkSizeParam,
      description:
        'accepted for uniformity with the other chunk forms; infini chunks by its segment, so this has no effect',
    },
  },
  extraInputs: [],
  stateShape: (dims) => [dims.dk, dims.dv],
};
