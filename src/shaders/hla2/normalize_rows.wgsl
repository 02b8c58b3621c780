// Parallel form, normalised: each row of the implied map divided by its sum
// (the second-order normaliser u·m_t − q_t·h_t) plus eps. One thread per row.
@group(0) @binding(0) var<uniform> params: HParams;
@group(0) @binding(1) var<storage, read_write> p: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let id = gid.x + gid.y * groups.x * 64u;
  let n = params.n;
  if (id >= params.heads * n) {
    return;
  }
  let t = id % n;
  let head = id / n;
  let row = (head * n + t) * n;
  var den = 0.0;
  for (var j = 0u; j <= t; j++) {
    den += p[row + j];
  }
  let inv = 1.0 / (den + params.eps);
  for (var j = 0u; j <= t; j++) {
    p[row + j] *= inv;
  }
}
