// The contract's state S = Σφ(k)ᵀv (R×DV per head) out of the linear kernels'
// records, which hold S' = Σφ(k)ᵀ[v, 1] (R×(DV+1), every params.state_stride
// floats per head). Performer's key shift is undone: S = e^{b}·S'. One thread
// per (head, feature, column).
@group(0) @binding(0) var<uniform> params: FeatureParams;
@group(0) @binding(1) var<storage, read> raw_state: array<f32>;
@group(0) @binding(2) var<storage, read> key_shift: array<f32>;
@group(0) @binding(3) var<storage, read_write> state: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let id = row_id(gid, nwg);
  if (id >= params.heads * R * DV) {
    return;
  }
  let head = id / (R * DV);
  let f = (id / DV) % R;
  let c = id % DV;
  var factor = 1.0;
  if (params.shifted != 0u) {
    factor = exp(min(key_shift[head], MAX_EXP));
  }
  state[id] = raw_state[head * params.state_stride + f * (DV + 1u) + c] * factor;
}
