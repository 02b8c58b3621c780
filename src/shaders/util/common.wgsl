// Shared by every attention kernel; the engine prepends it, after the
// compile-time constants (DK, DV, FEATURE_MAP, tile sizes) it generates from the
// problem and the device limits.
//
// WGSL lets implementations assume that NaN and infinities never occur, so masked
// scores use this finite sentinel and are zeroed explicitly instead of relying on
// exp(-inf) = 0.
const NEG_BIG: f32 = -1e30;

struct Params {
  n: u32,
  heads: u32,
  causal: u32,
  // Sliding window w (keys i-w < j <= i); 0 means no window.
  window: u32,
  scale: f32,
  eps: f32,
  normalize: u32,
  num_chunks: u32,
}

// Feature map of linear attention: 0 = elu(x)+1, 1 = relu, 2 = identity.
// exp is taken of min(x, 0) so the unused branch of select never overflows.
fn phi(x: f32) -> f32 {
  if (FEATURE_MAP == 0u) {
    return select(exp(min(x, 0.0)), x + 1.0, x > 0.0);
  }
  if (FEATURE_MAP == 1u) {
    return max(x, 0.0);
  }
  return x;
}

// Whether query row i may attend to key j (causal mask and sliding window).
fn visible(i: u32, j: u32, p: Params) -> bool {
  let causal_ok = p.causal == 0u || j <= i;
  let window_ok = p.window == 0u || j + p.window > i;
  return causal_ok && window_ok;
}
