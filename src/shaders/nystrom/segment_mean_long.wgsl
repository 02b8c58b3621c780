// Landmarks for long segments (n/m tokens each): out[h][l][c] = mean of
// x[h][t][c] over the l-th segment. A workgroup of 256 owns COLS neighbouring
// columns of one landmark and its LANES = 256/COLS lanes split the segment, so
// neighbouring invocations read neighbouring floats and the loop is n/(m·LANES)
// long (segment_mean.wgsl walks all n/m tokens on one invocation per output).
struct SegParams {
  n: u32,
  m: u32,
  d: u32,
  heads: u32,
}

@group(0) @binding(0) var<uniform> params: SegParams;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

const COLS: u32 = 8u;
const LANES: u32 = 32u;
var<workgroup> partial: array<f32, 256>;

@compute @workgroup_size(256)
fn main(
  @builtin(local_invocation_index) li: u32,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let d = params.d;
  let blocks = (d + COLS - 1u) / COLS;
  let group = wid.x + wid.y * nwg.x;
  let h = group / (params.m * blocks);
  let l = (group / blocks) % params.m;
  let c = (group % blocks) * COLS + li % COLS;
  let lane = li / COLS;
  let inside = h < params.heads && c < d;
  let size = params.n / params.m;
  var acc = 0.0;
  if (inside) {
    for (var t = l * size + lane; t < (l + 1u) * size; t += LANES) {
      acc += x[(h * params.n + t) * d + c];
    }
  }
  partial[li] = acc;
  workgroupBarrier();
  for (var half = LANES / 2u; half > 0u; half >>= 1u) {
    if (lane < half) {
      partial[li] += partial[li + half * COLS];
    }
    workgroupBarrier();
  }
  if (lane == 0u && inside) {
    out[(h * params.m + l) * d + c] = partial[li] / f32(size);
  }
}
