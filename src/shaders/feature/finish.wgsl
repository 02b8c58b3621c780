// Finishing pass of the recurrent and chunk forms: raw (heads_out×n×(DV+1)) holds,
// per row, num = φ(q_t)S_t in the first DV columns and den = φ(q_t)·z_t in the
// last (V' = [V, 1], unnormalised). The row rule (params.rule) makes o_t:
//   0 none:   num·e^{a_t + b}  (Performer unnormalised: undo the shifts)
//   1 eps:    num / (den + eps·e^{−(a_t + b)})  (T1; exact with Performer's shifts
//             a_t = row_shift, b = key_shift, zero for the other variants)
//   2 clamp:  num / max(den, eps)  (cosFormer)
//   3 InLine: (scale/N)(num − den·u/N) + u/N, with u = Σv and N from head h + heads.
// One thread per (head, token) of the problem's heads.
@group(0) @binding(0) var<uniform> params: FeatureParams;
@group(0) @binding(1) var<storage, read> raw: array<f32>;
@group(0) @binding(2) var<storage, read> row_shift: array<f32>;
@group(0) @binding(3) var<storage, read> key_shift: array<f32>;
@group(0) @binding(4) var<storage, read_write> o: array<f32>;

const W: u32 = DV + 1u;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let id = row_id(gid, nwg);
  let n = params.n;
  if (id >= params.heads * n) {
    return;
  }
  let head = id / n;
  let t = id % n;
  let row = id * W;
  let den = raw[row + DV];
  var shift = 0.0;
  if (params.shifted != 0u) {
    shift = row_shift[id] + key_shift[head];
  }
  if (params.rule == 3u) {
    var count = f32(n);
    if (params.causal != 0u) {
      count = f32(t + 1u);
    }
    let sums = (id + params.heads * n) * W;
    let c0 = params.scale / count;
    let mean = den / count;
    for (var c = 0u; c < DV; c++) {
      let u = raw[sums + c];
      o[id * DV + c] = c0 * (raw[row + c] - mean * u) + u / count;
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
  for (var c = 0u; c < DV; c++) {
    o[id * DV + c] = raw[row + c] * factor;
  }
}
