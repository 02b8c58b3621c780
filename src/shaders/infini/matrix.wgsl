// The parallel form's implied map, one invocation per (head, row t), writing
// the whole row (the buffer is reused from a pool, so every entry is written):
//   W[t, j] = (1 − gate)·softmax_j(scale·q_t·k_j)        for start ≤ j ≤ t,
//   W[t, j] = gate·σ(q_t)·σ(k_j) / Σ_{i<start} σ(q_t)·σ(k_i)  for j < start,
//   W[t, j] = 0 for j > t; start = the first token of t's segment.
// The memory's denominator is summed pair by pair here, not through z: the
// chunk form's route (z) and this one are independent checks of each other.
@group(0) @binding(0) var<uniform> params: IParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read_write> w: array<f32>;

@compute @workgroup_size(64)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let n = params.n;
  let id = flat_id(lid, wid, nwg);
  if (id >= params.heads * n) {
    return;
  }
  let t = id % n;
  let head = id / n;
  let start = (t / params.segment) * params.segment;
  let qb = (head * n + t) * DK;
  let row = id * n;

  var m = NEG_BIG_I;
  for (var j = start; j <= t; j++) {
    let kb = (head * n + j) * DK;
    var acc = 0.0;
    for (var d = 0u; d < DK; d++) {
      acc += q[qb + d] * k[kb + d];
    }
    let x = acc * params.scale;
    w[row + j] = x;
    m = max(m, x);
  }
  var total = 0.0;
  for (var j = start; j <= t; j++) {
    let e = exp(w[row + j] - m);
    w[row + j] = e;
    total += e;
  }
  let local_factor = (1.0 - params.gate) / total;
  for (var j = start; j <= t; j++) {
    w[row + j] = w[row + j] * local_factor;
  }
  for (var j = t + 1u; j < n; j++) {
    w[row + j] = 0.0;
  }

  var den = 0.0;
  for (var j = 0u; j < start; j++) {
    let kb = (head * n + j) * DK;
    var acc = 0.0;
    for (var d = 0u; d < DK; d++) {
      acc += sigma(q[qb + d]) * sigma(k[kb + d]);
    }
    w[row + j] = acc;
    den += acc;
  }
  let memory_factor = select(0.0, params.gate / den, den > 0.0);
  for (var j = 0u; j < start; j++) {
    w[row + j] = w[row + j] * memory_factor;
  }
}
