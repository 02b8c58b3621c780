// Shared by the Infini-attention kernels (attention-math.md §19). The engine
// prepends the compile-time constants DK, DV (head sizes). Every kernel runs
// 64 invocations per workgroup over a flat index id = (x + y·num_workgroups.x)·64
// + local id, so H heads go in one dispatch.
//
// Token t (0-based) lies in segment s = t / N_s, which starts at s·N_s. Its
// output is o_t = gate·A_mem(t) + (1 − gate)·A_dot(t), gate = sigmoid(β):
//   A_dot(t) = Σ_{s·N_s ≤ j ≤ t} softmax_j(scale·q_t·k_j) v_j (max subtracted),
//   A_mem(t) = σ(q_t)M_s / (σ(q_t)·z_s), M_s = Σ_{j < s·N_s} σ(k_j)ᵀv_j,
//              z_s = Σ_{j < s·N_s} σ(k_j), and 0 while the denominator is 0.
// σ = elu + 1 is strictly positive, so the denominator is 0 only in the first
// segment; that case is tested explicitly (no 0/0: WGSL may assume no NaN occurs).
struct IParams {
  n: u32,
  heads: u32,
  // N_s, or n when segment_state sums all tokens (the parallel form's final memory).
  segment: u32,
  num_segments: u32,
  scale: f32,
  // sigmoid(β), computed on the host in float64.
  gate: f32,
  pad0: u32,
  pad1: u32,
}

const WG: u32 = 64u;
// Finite stand-in for −∞ (WGSL may assume no infinities occur).
const NEG_BIG_I: f32 = -1e30;
// Floats of one memory record: M (DK×DV, row-major) then z (DK).
const RECORD: u32 = DK * DV + DK;

// σ(x) = elu(x) + 1; exp only of min(x, 0), so the unused branch never overflows.
fn sigma(x: f32) -> f32 {
  return select(exp(min(x, 0.0)), x + 1.0, x > 0.0);
}

fn flat_id(lid: vec3u, wid: vec3u, nwg: vec3u) -> u32 {
  return (wid.x + wid.y * nwg.x) * WG + lid.x;
}
