// Parallel form, pass 2: turns each score row into the weights applied to V, in place.
// MODE 0 (softmax): w_ij = exp(s_ij − max_j s) / Σ exp(...), masked entries 0.
// MODE 1 (linear): w_ij = a_ij / (Σ_j a_ij + eps) when normalize, else a_ij.
// One workgroup per (row, head); rows are numbered id = row + head·n and spread
// over x and y because one grid dimension holds at most 65535 workgroups.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> scores: array<f32>;

const WG: u32 = 256u;
var<workgroup> partial: array<f32, WG>;

@compute @workgroup_size(256)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let n = params.n;
  let id = wid.x + wid.y * nwg.x;
  if (id >= n * params.heads) {
    return;
  }
  let row = id % n;
  let base = id * n;
  let t = lid.x;

  if (MODE == 1u) {
    var sum = 0.0;
    for (var j = t; j < n; j += WG) {
      sum += scores[base + j];
    }
    partial[t] = sum;
    workgroupBarrier();
    var total = 0.0;
    for (var i = 0u; i < WG; i++) {
      total += partial[i];
    }
    if (params.normalize != 0u) {
      let inv = 1.0 / (total + params.eps);
      for (var j = t; j < n; j += WG) {
        scores[base + j] = scores[base + j] * inv;
      }
    }
    return;
  }

  var row_max = NEG_BIG;
  for (var j = t; j < n; j += WG) {
    row_max = max(row_max, scores[base + j]);
  }
  partial[t] = row_max;
  workgroupBarrier();
  var m = NEG_BIG;
  for (var i = 0u; i < WG; i++) {
    m = max(m, partial[i]);
  }
  workgroupBarrier();
  var sum = 0.0;
  for (var j = t; j < n; j += WG) {
    // The mask is recomputed rather than inferred from the sentinel so that a row
    // whose every score is huge and negative still normalises correctly.
    let e = select(0.0, exp(scores[base + j] - m), visible(row, j, params));
    scores[base + j] = e;
    sum += e;
  }
  partial[t] = sum;
  workgroupBarrier();
  var total = 0.0;
  for (var i = 0u; i < WG; i++) {
    total += partial[i];
  }
  let inv = select(0.0, 1.0 / total, total > 0.0);
  for (var j = t; j < n; j += WG) {
    scores[base + j] = scores[base + j] * inv;
  }
}
