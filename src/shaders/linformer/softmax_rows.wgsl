// Row softmax in place: x ← softmax(x) over each row of `cols` entries, for
// `total_rows` rows (heads × rows, contiguous). One invocation per row; the row
// maximum is subtracted before exp, so no entry overflows.
@group(0) @binding(0) var<uniform> params: RowParams;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;

const WG: u32 = 64u;

@compute @workgroup_size(64)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let row = (wid.x + wid.y * nwg.x) * WG + lid.x;
  if (row >= params.total_rows) {
    return;
  }
  let base = row * params.cols;
  var m = -1e30;
  for (var j = 0u; j < params.cols; j++) {
    m = max(m, x[base + j]);
  }
  var sum = 0.0;
  for (var j = 0u; j < params.cols; j++) {
    let e = exp(x[base + j] - m);
    x[base + j] = e;
    sum += e;
  }
  let inv = 1.0 / sum;
  for (var j = 0u; j < params.cols; j++) {
    x[base + j] = x[base + j] * inv;
  }
}
