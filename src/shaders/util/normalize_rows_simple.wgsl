// Parallel form, pass 2, for CPU adapters (see scores_simple.wgsl): one invocation
// per row walks its row serially, with no barriers and no shared partial sums.
// Same output as normalize_rows.wgsl.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> scores: array<f32>;

const WG: u32 = 64u;

@compute @workgroup_size(64)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let n = params.n;
  let id = (wid.x + wid.y * nwg.x) * WG + lid.x;
  if (id >= n * params.heads) {
    return;
  }
  let row = id % n;
  let base = id * n;
  // Keys this row can see (the rest is already 0 or NEG_BIG and becomes 0).
  var first = 0u;
  var end = n;
  if (params.causal != 0u) {
    end = row + 1u;
  }
  if (params.window != 0u && row + 1u > params.window) {
    first = row + 1u - params.window;
  }

  if (MODE == 1u) {
    if (params.normalize == 0u) {
      return;
    }
    var total = 0.0;
    for (var j = 0u; j < n; j++) {
      total += scores[base + j];
    }
    let inv = 1.0 / (total + params.eps);
    for (var j = 0u; j < n; j++) {
      scores[base + j] = scores[base + j] * inv;
    }
    return;
  }

  var m = NEG_BIG;
  for (var j = first; j < end; j++) {
    m = max(m, scores[base + j]);
  }
  var sum = 0.0;
  for (var j = 0u; j < n; j++) {
    let e = select(0.0, exp(scores[base + j] - m), visible(row, j, params));
    scores[base + j] = e;
    sum += e;
  }
  let inv = select(0.0, 1.0 / sum, sum > 0.0);
  for (var j = first; j < end; j++) {
    scores[base + j] = scores[base + j] * inv;
  }
}
