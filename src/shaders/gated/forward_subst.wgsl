// Delta rule, parallel form (attention-math.md §17.2): U = T·diag(β)V with
// T = (I + tril(diag(β)(KKᵀ ⊙ Γ), −1))⁻¹, by forward substitution in f32:
//   u_i = β_i (v_i − Σ_{j<i} (KKᵀ⊙Γ)_ij u_j).
// One workgroup per head, one thread per value column: a thread reads only the
// earlier rows of its own column (its own writes), so no barrier is needed.
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> kk: array<f32>;
@group(0) @binding(2) var<storage, read> v: array<f32>;
@group(0) @binding(3) var<storage, read> beta: array<f32>;
@group(0) @binding(4) var<storage, read_write> u: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let head = wid.y;
  let c = wid.x * 64u + lid.x;
  if (c >= DV) {
    return;
  }
  for (var i = 0u; i < n; i++) {
    var acc = v[(head * n + i) * DV + c];
    let row = head * n * n + i * n;
    for (var j = 0u; j < i; j++) {
      acc -= kk[row + j] * u[(head * n + j) * DV + c];
    }
    u[(head * n + i) * DV + c] = beta[head * n + i] * acc;
  }
}
