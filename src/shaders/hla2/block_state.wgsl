// Each block's own state, from zero (the chunk form's S_B, C'_B, G'_B; for the
// parallel form, one block = the final state). One thread per (head, block,
// column): columns 0..DK−1 are the columns of S_B = Σ kᵀk; columns DK + c,
// c = 0..DV, run the recurrence of C' and G' (value column c of [v, 1]) through
// the block's tokens: G' += k_sᵀ(k_s C'_{<s}) before C' += q_sᵀ[v_s, 1].
@group(0) @binding(0) var<uniform> params: HParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read_write> states: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let id = gid.x + gid.y * groups.x * 64u;
  let cols = DK + DV + 1u;
  let total = params.heads * params.num_blocks * cols;
  if (id >= total) {
    return;
  }
  let n = params.n;
  let col = id % cols;
  let hb = id / cols;
  let blk = hb % params.num_blocks;
  let head = hb / params.num_blocks;
  let start = blk * params.block;
  let stop = min(start + params.block, n);
  let base = hb * STATE;
  if (col < DK) {
    var s_col: array<f32, DK>;
    for (var r = 0u; r < DK; r++) {
      s_col[r] = 0.0;
    }
    for (var t = start; t < stop; t++) {
      let row = (head * n + t) * DK;
      let ka = k[row + col];
      for (var r = 0u; r < DK; r++) {
        s_col[r] += k[row + r] * ka;
      }
    }
    for (var r = 0u; r < DK; r++) {
      states[s_at(base, r, col)] = s_col[r];
    }
    return;
  }
  let c = col - DK;
  var cc: array<f32, DK>;
  var gc: array<f32, DK>;
  for (var r = 0u; r < DK; r++) {
    cc[r] = 0.0;
    gc[r] = 0.0;
  }
  for (var t = start; t < stop; t++) {
    let row = (head * n + t) * DK;
    var vt = 1.0;
    if (c < DV) {
      vt = v[(head * n + t) * DV + c];
    }
    var kc = 0.0;
    for (var r = 0u; r < DK; r++) {
      kc += k[row + r] * cc[r];
    }
    for (var r = 0u; r < DK; r++) {
      gc[r] += k[row + r] * kc;
      cc[r] += q[row + r] * vt;
    }
  }
  for (var r = 0u; r < DK; r++) {
    states[c_at(base, r, c)] = cc[r];
    states[g_at(base, r, c)] = gc[r];
  }
}
