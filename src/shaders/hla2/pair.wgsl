// The second-order weights inside every block:
//   P[a][j] = Σ_{i≤j} X[a][i]·X[j][i]   (= ((X Xᵀ) ⊙ M)[a][j]), j ≤ a,
// plus, in the chunk form, the middle term u_t·q_{s+j} (the keys of earlier
// blocks seen through S_A), the term the paper's Fig. 1(C) caption leaves out.
// One thread per entry; the parallel form's P is the implied n×n map.
@group(0) @binding(0) var<uniform> params: HParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;
@group(0) @binding(3) var<storage, read> u: array<f32>;
@group(0) @binding(4) var<storage, read_write> p: array<f32>;

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
    let ra = hb * tb * tb + a * tb;
    let rj = hb * tb * tb + j * tb;
    for (var i = 0u; i <= j; i++) {
      acc += x[ra + i] * x[rj + i];
    }
    if (params.prefix != 0u) {
      let ut = (head * params.n + t) * DK;
      let qj = (head * params.n + blk * tb + j) * DK;
      for (var d = 0u; d < DK; d++) {
        acc += u[ut + d] * q[qj + d];
      }
    }
  }
  p[id] = acc;
}
