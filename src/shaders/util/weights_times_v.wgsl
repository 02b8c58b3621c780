// Parallel form, pass 3: O = W·V per head, W the n×n weights of normalize_rows.
// 16×16 output tiles; the key loop is limited to the keys a tile of rows can see
// (causal: up to the diagonal; window: from the first key of the window).
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> weights: array<f32>;
@group(0) @binding(2) var<storage, read> v: array<f32>;
@group(0) @binding(3) var<storage, read_write> o: array<f32>;

const T: u32 = 16u;
var<workgroup> w_tile: array<f32, T * (T + 1u)>;
var<workgroup> v_tile: array<f32, T * (T + 1u)>;

@compute @workgroup_size(16, 16)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let head = wid.z;
  let row0 = wid.y * T;
  let row = row0 + lid.y;
  let col = wid.x * T + lid.x;
  var key_end = n;
  if (params.causal != 0u) {
    key_end = min(n, row0 + T);
  }
  var key_start = 0u;
  if (params.window != 0u && row0 + 1u > params.window) {
    key_start = ((row0 + 1u - params.window) / T) * T;
  }
  var acc = 0.0;
  for (var j0 = key_start; j0 < key_end; j0 += T) {
    let wr = row0 + lid.y;
    let wc = j0 + lid.x;
    var wv = 0.0;
    if (wr < n && wc < n) {
      wv = weights[head * n * n + wr * n + wc];
    }
    w_tile[lid.y * (T + 1u) + lid.x] = wv;
    let vr = j0 + lid.y;
    var vv = 0.0;
    if (vr < n && col < DV) {
      vv = v[head * n * DV + vr * DV + col];
    }
    v_tile[lid.y * (T + 1u) + lid.x] = vv;
    workgroupBarrier();
    for (var t = 0u; t < T; t++) {
      acc += w_tile[lid.y * (T + 1u) + t] * v_tile[t * (T + 1u) + lid.x];
    }
    workgroupBarrier();
  }
  if (row < n && col < DV) {
    o[head * n * DV + row * DV + col] = acc;
  }
}
