// The chunk (segment) form's output: one invocation per (head, token t, value
// column c). Memory read from the scanned record of t's segment, then the local
// causal softmax over the segment's keys j ≤ t (two passes over the keys: row max,
// then the exponentials; the scores are recomputed rather than stored).
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
  if (id >= params.heads * n * DV) {
    return;
  }
  let c = id % DV;
  let t = (id / DV) % n;
  let head = id / (n * DV);
  let s = t / params.segment;
  let start = s * params.segment;
  let qb = (head * n + t) * DK;

  // Memory read σ(q_t)M_s / (σ(q_t)·z_s); the first segment's memory is empty.
  let rb = (head * params.num_segments + s) * RECORD;
  var num = 0.0;
  var den = 0.0;
  for (var a = 0u; a < DK; a++) {
    let f = sigma(q[qb + a]);
    num += f * records[rb + a * DV + c];
    den += f * records[rb + DK * DV + a];
  }
  let a_mem = select(0.0, num / den, den > 0.0);

  var m = NEG_BIG_I;
  for (var j = start; j <= t; j++) {
    m = max(m, score(qb, (head * n + j) * DK));
  }
  var total = 0.0;
  var acc = 0.0;
  for (var j = start; j <= t; j++) {
    let w = exp(score(qb, (head * n + j) * DK) - m);
    total += w;
    acc += w * v[(head * n + j) * DV + c];
  }
  // total ≥ 1 (the row maximum contributes exp(0)).
  let a_dot = acc / total;
  o[id] = params.gate * a_mem + (1.0 - params.gate) * a_dot;
}
