// V' = [V, 1] (heads_out×n×(DV+1)): the linear kernels then return the
// numerator φ(q)S in the first DV columns and the denominator φ(q)·z in the
// last, unnormalised, so the finishing pass can apply any row rule (clamp,
// InLine, Performer's exact eps). Heads ≥ params.heads repeat head h − heads
// (InLine's second half). One thread per (head, token).
@group(0) @binding(0) var<uniform> params: FeatureParams;
@group(0) @binding(1) var<storage, read> v: array<f32>;
@group(0) @binding(2) var<storage, read_write> v_aug: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let id = row_id(gid, nwg);
  let n = params.n;
  if (id >= params.heads_out * n) {
    return;
  }
  let head = id / n;
  let t = id % n;
  let source = ((head % params.heads) * n + t) * DV;
  let row = id * (DV + 1u);
  for (var c = 0u; c < DV; c++) {
    v_aug[row + c] = v[source + c];
  }
  v_aug[row + DV] = 1.0;
}
