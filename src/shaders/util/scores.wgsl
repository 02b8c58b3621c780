// Parallel form, pass 1: the n×n score matrix of every head, materialised.
// MODE 0 (softmax, swa): s_ij = scale·q_i·k_j, masked entries = NEG_BIG.
// MODE 1 (linear): a_ij = φ(q_i)·φ(k_j), masked entries = 0.
// 16×16 tiles in workgroup memory; grid (col tiles, row tiles, heads).
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read_write> scores: array<f32>;

const T: u32 = 16u;
var<workgroup> q_tile: array<f32, T * (T + 1u)>;
var<workgroup> k_tile: array<f32, T * (T + 1u)>;

fn feature(x: f32) -> f32 {
  if (MODE == 1u) {
    return phi(x);
  }
  return x;
}

@compute @workgroup_size(16, 16)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let head = wid.z;
  let row = wid.y * T + lid.y;
  let col = wid.x * T + lid.x;
  let qk_base = head * n * DK;
  var acc = 0.0;
  for (var d0 = 0u; d0 < DK; d0 += T) {
    // Tile loads: thread (x, y) loads q[row tile + y][d0 + x] and k[col tile + y][d0 + x].
    let d = d0 + lid.x;
    let q_row = wid.y * T + lid.y;
    let k_row = wid.x * T + lid.y;
    var qv = 0.0;
    var kv = 0.0;
    if (d < DK && q_row < n) {
      qv = feature(q[qk_base + q_row * DK + d]);
    }
    if (d < DK && k_row < n) {
      kv = feature(k[qk_base + k_row * DK + d]);
    }
    q_tile[lid.y * (T + 1u) + lid.x] = qv;
    k_tile[lid.y * (T + 1u) + lid.x] = kv;
    workgroupBarrier();
    for (var t = 0u; t < T; t++) {
      acc += q_tile[lid.y * (T + 1u) + t] * k_tile[lid.x * (T + 1u) + t];
    }
    workgroupBarrier();
  }
  if (row < n && col < n) {
    let ok = visible(row, col, params);
    var value: f32;
    if (MODE == 1u) {
      value = select(0.0, acc, ok);
    } else {
      value = select(NEG_BIG, acc * params.scale, ok);
    }
    scores[head * n * n + row * n + col] = value;
  }
}
