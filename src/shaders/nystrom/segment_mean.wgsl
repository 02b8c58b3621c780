// Landmarks: out[h][l][c] = mean of x[h][t][c] over the l-th segment of n/m
// consecutive tokens (n is a multiple of m; validation rejects other n).
// One invocation per output element.
@group(0) @binding(0) var<uniform> params: SegParams;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

const WG: u32 = 64u;

@compute @workgroup_size(64)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let index = (wid.x + wid.y * nwg.x) * WG + lid.x;
  let d = params.d;
  if (index >= params.heads * params.m * d) {
    return;
  }
  let h = index / (params.m * d);
  let l = (index / d) % params.m;
  let c = index % d;
  let size = params.n / params.m;
  var acc = 0.0;
  for (var t = l * size; t < (l + 1u) * size; t++) {
    acc += x[(h * params.n + t) * d + c];
  }
  out[index] = acc / f32(size);
}
