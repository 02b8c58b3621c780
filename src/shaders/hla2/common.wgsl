// Shared by the second-order HLA kernels (attention-math.md §18). The engine
// prepends compile-time constants: DK, DV (head sizes), WG (threads per
// workgroup of the recurrent kernel, ≥ DK). Value columns c = 0..DV are [v, 1]:
// column DV carries the normaliser (m in C, h in G), so one code path computes
// the output and the normaliser. A state block (per head, per chunk prefix) is
// STATE floats: S^K (DK×DK), C (DK×DV), G (DK×DV), m (DK), h (DK), so the
// contract's [S^K, C, G] is its first DK² + 2·DK·DV floats.
struct HParams {
  n: u32,
  heads: u32,
  // Tokens per block: the chunk size, or n for the parallel form (one block).
  block: u32,
  num_blocks: u32,
  eps: f32,
  // 1: divide by the normaliser (+eps) where the kernel finishes the output.
  normalize: u32,
  // 1: the chunk form's prefix terms (u = q S_A, q(S_A C_A − G_A), u·q_j) are added.
  prefix: u32,
  pad: u32,
}

const STATE: u32 = DK * DK + 2u * DK * DV + 2u * DK;

fn s_at(base: u32, r: u32, a: u32) -> u32 {
  return base + r * DK + a;
}

// C'[r][c]: C for c < DV, m for c = DV.
fn c_at(base: u32, r: u32, c: u32) -> u32 {
  if (c < DV) {
    return base + DK * DK + r * DV + c;
  }
  return base + DK * DK + 2u * DK * DV + r;
}

// G'[r][c]: G for c < DV, h for c = DV.
fn g_at(base: u32, r: u32, c: u32) -> u32 {
  if (c < DV) {
    return base + DK * DK + DK * DV + r * DV + c;
  }
  return base + DK * DK + 2u * DK * DV + DK + r;
}
