// The chunk (segment) form's output: one invocation per (head, token t), which
// writes its own output row. First the memory read from the scanned record of
// t's segment, g·σ(q_t)M_s/(σ(q_t)·z_s) (0 while the denominator is 0), then the
// local causal softmax over the segment's keys j ≤ t in two passes (row max, then
// the exponentials, each added to a private row accumulator) and the final
// scaling by (1 − g)/Σ. Cost per token O(N_s·(DK + DV) + DK·DV).
@group(0) @binding(0) var<uniform> params: IParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read> records: array<f32>;
@group(0) @binding(5) var<storage, read_write> o: array<f32>;

fn score(qb: u32, kb: u32) -> f32 {
  var acc = 0.0;
  for (var d = 0u; d < DK; d++) {
    acc += q[qb + d] * k[kb + d];
  }
  return acc * params.scale;
}

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
  let s = t / params.segment;
  let start = s * params.segment;
  let qb = id * DK;
  let ob = id * DV;

  // Local part, unnormalised, straight into the output row.
  var m = NEG_BIG_I;
  for (var j = start; j <= t; j++) {
    m = max(m, score(qb, (head * n + j) * DK));
  }
  // The row accumulates in private memory (registers where DV is small).
  var acc: array<f32, DV>;
  var total = 0.0;
  for (var j = start; j <= t; j++) {
    let w = exp(score(qb, (head * n + j) * DK) - m);
    total += w;
    let vb = (head * n + j) * DV;
    for (var c = 0u; c < DV; c++) {
      acc[c] += w * v[vb + c];
    }
  }
  // total ≥ 1 (the row maximum contributes exp(0)).
  let local_factor = (1.0 - params.gate) / total;

  // Memory read σ(q_t)M_s / (σ(q_t)·z_s); the first segment's memory is empty.
  let rb = (head * params.num_segments + s) * RECORD;
  var den = 0.0;
  for (var a = 0u; a < DK; a++) {
    den += sigma(q[qb + a]) * records[rb + DK * DV + a];
  }
  let memory_factor = select(0.0, params.gate / den, den > 0.0);
  for (var c = 0u; c < DV; c++) {
    var num = 0.0;
    for (var a = 0u; a < DK; a++) {
      num += sigma(q[qb + a]) * records[rb + a * DV + c];
    }
    o[ob + c] = local_factor * acc[c] + memory_factor * num;
  }
}
