// Parallel form and weights(): turns each row of a_ij = φ(q_i)·φ(k_j) (masked
// entries 0, from shaders/util/scores.wgsl MODE 1) into the weights applied to V,
// in place, by the row rule of finish.wgsl with den = Σ_j a_ij:
//   0 none a_ij·e^{a_i + b}; 1 a_ij/(den + eps·e^{−(a_i + b)}); 2 a_ij/max(den, eps);
//   3 InLine (scale/N)(a_ij − den/N) + 1/N on the N keys row i sees, 0 elsewhere.
// One workgroup per (row, head); ids spread over x and y.
@group(0) @binding(0) var<uniform> params: FeatureParams;
@group(0) @binding(1) var<storage, read_write> scores: array<f32>;
@group(0) @binding(2) var<storage, read> row_shift: array<f32>;
@group(0) @binding(3) var<storage, read> key_shift: array<f32>;

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
  let head = id / n;
  let row = id % n;
  let base = id * n;
  var sum = 0.0;
  for (var j = lid.x; j < n; j += WG) {
    sum += scores[base + j];
  }
  partial[lid.x] = sum;
  workgroupBarrier();
  var den = 0.0;
  for (var i = 0u; i < WG; i++) {
    den += partial[i];
  }
  var shift = 0.0;
  if (params.shifted != 0u) {
    shift = row_shift[id] + key_shift[head];
  }
  var visible = n;
  if (params.causal != 0u) {
    visible = row + 1u;
  }
  if (params.rule == 3u) {
    let count = f32(visible);
    let c0 = params.scale / count;
    let offset = 1.0 / count - c0 * den / count;
    for (var j = lid.x; j < n; j += WG) {
      scores[base + j] = select(0.0, c0 * scores[base + j] + offset, j < visible);
    }
    return;
  }
  var factor = 1.0;
  if (params.rule == 0u) {
    factor = exp(min(shift, MAX_EXP));
  } else if (params.rule == 1u) {
    // eps·e^{−shift} may underflow to 0; then den = 0 means every product underflowed
    // (num = 0 too) and the row is 0, not 0/0.
    let shifted_den = den + params.eps * exp(-shift);
    factor = select(0.0, 1.0 / shifted_den, shifted_den > 0.0);
  } else {
    factor = 1.0 / max(den, params.eps);
  }
  for (var j = lid.x; j < n; j += WG) {
    scores[base + j] = scores[base + j] * factor;
  }
}
