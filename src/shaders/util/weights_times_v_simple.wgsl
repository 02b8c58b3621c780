// Parallel form, pass 3, for CPU adapters (see scores_simple.wgsl): one invocation
// per output o[head][row][col], summing only over the keys the row can see.
// Same output as weights_times_v.wgsl.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> weights: array<f32>;
@group(0) @binding(2) var<storage, read> v: array<f32>;
@group(0) @binding(3) var<storage, read_write> o: array<f32>;

const WG: u32 = 64u;

@compute @workgroup_size(64)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let n = params.n;
  let index = (wid.x + wid.y * nwg.x) * WG + lid.x;
  if (index >= n * DV * params.heads) {
    return;
  }
  let head = index / (n * DV);
  let row = (index / DV) % n;
  let col = index % DV;
  var first = 0u;
  var end = n;
  if (params.causal != 0u) {
    end = row + 1u;
  }
  if (params.window != 0u && row + 1u > params.window) {
    first = row + 1u - params.window;
  }
  let wb = (head * n + row) * n;
  let vb = head * n * DV + col;
  var acc = 0.0;
  for (var j = first; j < end; j++) {
    acc += weights[wb + j] * v[vb + j * DV];
  }
  o[index] = acc;
}
