// X = Q_B K_Bᵀ ⊙ M inside every block: X[head][block][a][j] = q_{s+a}·k_{s+j}
// for j ≤ a (s = the block's first token), 0 above the diagonal and for rows
// past n. One thread per entry; for the parallel form the block is the whole
// sequence and X is n×n.
@group(0) @binding(0) var<uniform> params: HParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read_write> x: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let id = gid.x + gid.y * groups.x * 64u;
  let tb = params.block;
  if (id >= params.heads * params.num_blocks * tb * tb) {
    return;
  }
  let j = id % tb;
  let a = (id / tb) % tb;
  let hb = id / (tb * tb);
  let blk = hb % params.num_blocks;
  let head = hb / params.num_blocks;
  let t = blk * tb + a;
  var acc = 0.0;
  if (j <= a && t < params.n) {
    let qi = (head * params.n + t) * DK;
    let ki = (head * params.n + blk * tb + j) * DK;
    for (var d = 0u; d < DK; d++) {
      acc += q[qi + d] * k[ki + d];
    }
  }
  x[id] = acc;
}
