// Outputs: o_t[c] = Σ_{j≤a} P[a][j]·v_{s+j}[c], plus in the chunk form the
// inter-block term u_t C_A[:, c] − q_t G_A[:, c]. When params.normalize is set
// (chunk form) the same sums over the ones column (C' column DV = m, G' = h)
// give the normaliser and the output is divided by it plus eps. One thread per
// (head, token, value column).
@group(0) @binding(0) var<uniform> params: HParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> v: array<f32>;
@group(0) @binding(3) var<storage, read> p: array<f32>;
@group(0) @binding(4) var<storage, read> u: array<f32>;
@group(0) @binding(5) var<storage, read> prefixes: array<f32>;
@group(0) @binding(6) var<storage, read_write> o: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let id = gid.x + gid.y * groups.x * 64u;
  let n = params.n;
  if (id >= params.heads * n * DV) {
    return;
  }
  let c = id % DV;
  let ht = id / DV;
  let t = ht % n;
  let head = ht / n;
  let tb = params.block;
  let blk = t / tb;
  let a = t - blk * tb;
  let hb = head * params.num_blocks + blk;
  let row = hb * tb * tb + a * tb;
  let first = head * n + blk * tb;
  var num = 0.0;
  var den = 0.0;
  for (var j = 0u; j <= a; j++) {
    let w = p[row + j];
    num += w * v[(first + j) * DV + c];
    den += w;
  }
  if (params.prefix != 0u) {
    let base = hb * STATE;
    for (var r = 0u; r < DK; r++) {
      let ur = u[ht * DK + r];
      let qr = q[ht * DK + r];
      num += ur * prefixes[c_at(base, r, c)] - qr * prefixes[g_at(base, r, c)];
      den += ur * prefixes[c_at(base, r, DV)] - qr * prefixes[g_at(base, r, DV)];
    }
  }
  if (params.normalize != 0u) {
    num = num / (den + params.eps);
  }
  o[id] = num;
}
