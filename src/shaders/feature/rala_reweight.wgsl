// RALA's key reweighting (attention-math.md §11), in place on φ(K) = elu(K)+1:
// q̄ = mean_i φ(q_i), α_j = softmax_j(scale·q̄·φ(k_j)), φ(k_j) ← α_j·φ(k_j).
// (The contract's keys are n·α_j·φ(k_j) with the sums divided by n; both n's
// cancel, leaving T1 with these keys and the same eps.) One workgroup per head;
// the softmax subtracts its max, so exp never overflows.
@group(0) @binding(0) var<uniform> params: FeatureParams;
@group(0) @binding(1) var<storage, read> phi_q: array<f32>;
@group(0) @binding(2) var<storage, read_write> phi_k: array<f32>;

const WG: u32 = 256u;
var<workgroup> mean_q: array<f32, DK>;
var<workgroup> partial: array<f32, WG>;

fn logit(head: u32, j: u32) -> f32 {
  let base = (head * params.n + j) * DK;
  var dot = 0.0;
  for (var d = 0u; d < DK; d++) {
    dot += mean_q[d] * phi_k[base + d];
  }
  return params.scale * dot;
}

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let head = wid.x;
  let n = params.n;
  for (var d = lid.x; d < DK; d += WG) {
    var sum = 0.0;
    for (var t = 0u; t < n; t++) {
      sum += phi_q[(head * n + t) * DK + d];
    }
    mean_q[d] = sum / f32(n);
  }
  workgroupBarrier();

  var largest = -3.0e38;
  for (var j = lid.x; j < n; j += WG) {
    largest = max(largest, logit(head, j));
  }
  partial[lid.x] = largest;
  workgroupBarrier();
  var m = -3.0e38;
  for (var i = 0u; i < WG; i++) {
    m = max(m, partial[i]);
  }
  workgroupBarrier();

  var sum = 0.0;
  for (var j = lid.x; j < n; j += WG) {
    sum += exp(logit(head, j) - m);
  }
  partial[lid.x] = sum;
  workgroupBarrier();
  var total = 0.0;
  for (var i = 0u; i < WG; i++) {
    total += partial[i];
  }
  // Each thread rescales only the keys it read itself, so no other thread sees a rescaled row.
  for (var j = lid.x; j < n; j += WG) {
    let alpha = exp(logit(head, j) - m) / total;
    let base = (head * n + j) * DK;
    for (var d = 0u; d < DK; d++) {
      phi_k[base + d] *= alpha;
    }
  }
}
