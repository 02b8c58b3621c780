// Shared by the gated and delta-rule kernels (retnet, mamba2, gla, rwkv6,
// deltanet, gated-deltanet). The engine prepends compile-time constants:
//   DK, DV   head sizes; CH = 1 (scalar gate) or DK (per-channel gate);
//   BONUS    1 for RWKV-6 (reads S_{t−1} plus diag(u)k_tᵀv_t);
//   DELTA    1 for the delta rule; BLOCK = chunk (or tile) length.
// Gates are log decays g ≤ 0. No kernel ever exponentiates a cumulative sum
// over the sequence: only chunk-local cumulative sums, and only differences
// that are ≤ 0 after the causal mask has been applied (WGSL may assume no
// infinities occur, so nothing is allowed to overflow).
struct GParams {
  n: u32,
  heads: u32,
  // Output columns of the recurrent kernel: DV, or n for one-hot values (weights()).
  cols: u32,
  num_chunks: u32,
  scale: f32,
  // 1: the recurrent kernel uses one-hot values v_t = e_t (row t of the weights).
  one_hot: u32,
  // 1: the matrix kernel masks the diagonal (strictly lower KKᵀ of the delta rule).
  strict: u32,
  pad: u32,
}

// Index of the gate of (head, token t, key channel d).
fn gate_index(head: u32, t: u32, d: u32, n: u32) -> u32 {
  if (CH == 1u) {
    return head * n + t;
  }
  return (head * n + t) * DK + d;
}

// e^x for an exponent that is ≤ 0 by construction; the clamp keeps rounding
// from ever producing a positive exponent.
fn decay(x: f32) -> f32 {
  return exp(min(x, 0.0));
}
