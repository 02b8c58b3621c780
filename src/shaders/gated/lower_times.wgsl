// O = W·X per head, W the n×n lower-triangular matrix of decay_matrix.wgsl and
// X = V (or the delta rule's U). 16×16 output tiles; keys stop at the diagonal.
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> matrix: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;
@group(0) @binding(3) var<storage, read_write> o: array<f32>;

const T: u32 = 16u;
var<workgroup> w_tile: array<f32, T * (T + 1u)>;
var<workgroup> x_tile: array<f32, T * (T + 1u)>;

@compute @workgroup_size(16, 16)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let head = wid.z;
  let row0 = wid.y * T;
  let row = row0 + lid.y;
  let col = wid.x * T + lid.x;
  let key_end = min(n, row0 + T);
  var acc = 0.0;
  for (var j0 = 0u; j0 < key_end; j0 += T) {
    let wc = j0 + lid.x;
    var wv = 0.0;
    if (row < n && wc < n) {
      wv = matrix[head * n * n + row * n + wc];
    }
    w_tile[lid.y * (T + 1u) + lid.x] = wv;
    let xr = j0 + lid.y;
    var xv = 0.0;
    if (xr < n && col < DV) {
      xv = x[(head * n + xr) * DV + col];
    }
    x_tile[lid.y * (T + 1u) + lid.x] = xv;
    workgroupBarrier();
    for (var t = 0u; t < T; t++) {
      acc += w_tile[lid.y * (T + 1u) + t] * x_tile[t * (T + 1u) + lid.x];
    }
    workgroupBarrier();
  }
  if (row < n && col < DV) {
    o[(head * n + row) * DV + col] = acc;
  }
}
