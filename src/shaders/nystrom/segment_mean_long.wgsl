// Landmarks for long segments (n/m tokens each): out[h][l][c] = mean of
// x[h][t][c] over the l-th segment. A workgroup of 256 owns REDUCE_COLS neighbouring
// columns of one landmark and its REDUCE_LANES = 256/REDUCE_COLS lanes split the segment, so
// neighbouring invocations read neighbouring floats and the loop is n/(m·REDUCE_LANES)
// long (segment_mean.wgsl walks all n/m tokens on one invocation per output).
@group(0) @binding(0) var<uniform> params: SegParams;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(256)
fn main(
  @builtin(local_invocation_index) li: u32,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let d = params.d;
  let blocks = (d + REDUCE_COLS - 1u) / REDUCE_COLS;
  let group = wid.x + wid.y * nwg.x;
  let h = group / (params.m * blocks);
  let l = (group / blocks) % params.m;
  let c = (group % blocks) * REDUCE_COLS + li % REDUCE_COLS;
  let lane = li / REDUCE_COLS;
  let inside = h < params.heads && c < d;
  let size = params.n / params.m;
  var acc = 0.0;
  if (inside) {
    for (var t = l * size + lane; t < (l + 1u) * size; t += REDUCE_LANES) {
      acc += x[(h * params.n + t) * d + c];
    }
  }
  let sum = sum_lanes(li, acc);
  if (lane == 0u && inside) {
    out[(h * params.m + l) * d + c] = sum / f32(size);
  }
}
