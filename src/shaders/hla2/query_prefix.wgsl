// u_t = q_t S_A for every token (S_A: the prefix S^K of the token's block), one
// thread per (head, token, column a). Computed first so that the chunk form never
// forms S_A C_A: the inter-block term is u_t C_A − q_t G_A.
@group(0) @binding(0) var<uniform> params: HParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> prefixes: array<f32>;
@group(0) @binding(3) var<storage, read_write> u: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let id = gid.x + gid.y * groups.x * 64u;
  let n = params.n;
  if (id >= params.heads * n * DK) {
    return;
  }
  let a = id % DK;
  let ht = id / DK;
  let t = ht % n;
  let head = ht / n;
  let base = (head * params.num_blocks + t / params.block) * STATE;
  var acc = 0.0;
  for (var r = 0u; r < DK; r++) {
    acc += q[ht * DK + r] * prefixes[s_at(base, r, a)];
  }
  u[id] = acc;
}
