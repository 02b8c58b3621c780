// k_t ← k_t / ‖k_t‖ for every row (the delta rule's normalizeK); a zero row stays zero.
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read_write> kn: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let row = gid.x + gid.y * nwg.x * 64u;
  if (row >= params.n * params.heads) {
    return;
  }
  var sum = 0.0;
  for (var d = 0u; d < DK; d++) {
    let x = k[row * DK + d];
    sum += x * x;
  }
  var inv = 0.0;
  if (sum > 0.0) {
    inv = inverseSqrt(sum);
  }
  for (var d = 0u; d < DK; d++) {
    kn[row * DK + d] = k[row * DK + d] * inv;
  }
}
