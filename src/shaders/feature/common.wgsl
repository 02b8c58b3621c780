// Shared by the feature-map kernels (performer, cosformer, based, hedgehog,
// focused, inline, rala). The engine prepends the compile-time constants (DK,
// DV, R, MAP, ...) it generates from the problem. These kernels compute φ(Q),
// φ(K) and finish the rows; the sums in between are the linear-attention
// kernels of shaders/linear and shaders/util, run on the feature dimension R.
struct FeatureParams {
  n: u32,
  // Heads of the problem.
  heads: u32,
  // Heads the linear kernels run: 2·heads for InLine (the second half carries Σv and N), else heads.
  heads_out: u32,
  causal: u32,
  eps: f32,
  scale: f32,
  // Focusing power of FLatten.
  p: f32,
  // cosFormer's M.
  max_len: f32,
  // 1 when Performer's exponent shifts are in use (see performer_key_shift.wgsl).
  shifted: u32,
  // Floats per head of the raw state records the state pass reads.
  state_stride: u32,
  // Row rule: 0 none, 1 num/(den + eps), 2 num/max(den, eps), 3 InLine.
  rule: u32,
  pad: u32,
}

// exp of at most this: Performer's unnormalised output and state are rescaled by
// e^{shift}, which must stay finite in f32 (e^88.7 overflows).
const MAX_EXP: f32 = 80.0;

// Performer's shifts leave this much headroom (in nats) above 1: query features
// ≤ e^20, key features ≤ e^40, so products, S and z (≤ n·r·e^60·|v|) stay finite,
// while features far below the largest one (down to e^{−87} under it plus the
// headroom) do not underflow to 0. A shift of 0 (no headroom needed) changes nothing.
const QUERY_HEADROOM: f32 = 20.0;
const KEY_HEADROOM: f32 = 40.0;

// Workgroups of 64 threads, one per (head, token) row, ids spread over x and y.
fn row_id(gid: vec3u, nwg: vec3u) -> u32 {
  return gid.x + gid.y * nwg.x * 64u;
}
