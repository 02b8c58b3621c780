// Performer's key shift: b_h = max(0, max over keys j and features f of
// w_f·k̃_j − ‖k̃_j‖²/2 minus KEY_HEADROOM), one constant per head, so that the key
// features exp(arg − b_h) are ≤ e^40 (f32 exp overflows above 88.7; the contract's φ has no
// stabiliser, so the shift is undone exactly by the finishing passes). One
// workgroup per head.
@group(0) @binding(0) var<uniform> params: FeatureParams;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> projection: array<f32>;
@group(0) @binding(3) var<storage, read_write> key_shift: array<f32>;

const WG: u32 = 256u;
var<workgroup> partial: array<f32, WG>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let head = wid.x;
  let n = params.n;
  let input_scale = pow(f32(DK), -0.25);
  var largest = 0.0;
  for (var t = lid.x; t < n; t += WG) {
    let base = (head * n + t) * DK;
    var half_sq = 0.0;
    for (var d = 0u; d < DK; d++) {
      let xs = input_scale * k[base + d];
      half_sq += xs * xs;
    }
    half_sq *= 0.5;
    for (var f = 0u; f < R; f++) {
      var dot = 0.0;
      for (var d = 0u; d < DK; d++) {
        dot += projection[f * DK + d] * (input_scale * k[base + d]);
      }
      largest = max(largest, dot - half_sq);
    }
  }
  partial[lid.x] = largest;
  workgroupBarrier();
  if (lid.x == 0u) {
    var m = 0.0;
    for (var i = 0u; i < WG; i++) {
      m = max(m, partial[i]);
    }
    key_shift[head] = max(m - KEY_HEADROOM, 0.0);
  }
}
