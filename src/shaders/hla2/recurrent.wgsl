// Recurrent form (Theorem 3.1 of the paper), token by token, one workgroup per
// (value-column group, head). Thread a < DK keeps column a of S^K (symmetric, so
// also row a) and publishes u_a = (q_t S^K_t)_a; thread c keeps columns c of C and
// G; every thread also keeps m and h (the normaliser's C and G, DK floats each).
// Per token, in the order that matters:
//   G += k_tᵀ(k_t C_{t−1}), h += k_t (k_t·m_{t−1})   (before C and m change)
//   S^K += k_tᵀk_t, C += q_tᵀv_t, m += q_t
//   u = q_t S^K_t;  o_t = u C_t − q_t G_t  (S^K C is never formed),
//   normalised: divided by u·m_t − q_t·h_t + eps.
@group(0) @binding(0) var<uniform> params: HParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read_write> o: array<f32>;
@group(0) @binding(5) var<storage, read_write> state: array<f32>;

var<workgroup> wu: array<f32, DK>;

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let head = wid.y;
  let a = lid.x;
  let c = wid.x * WG + lid.x;
  let qk_base = head * n * DK;
  var s_col: array<f32, DK>;
  var cc: array<f32, DK>;
  var gc: array<f32, DK>;
  var mc: array<f32, DK>;
  var hc: array<f32, DK>;
  for (var r = 0u; r < DK; r++) {
    s_col[r] = 0.0;
    cc[r] = 0.0;
    gc[r] = 0.0;
    mc[r] = 0.0;
    hc[r] = 0.0;
  }
  for (var t = 0u; t < n; t++) {
    let row = qk_base + t * DK;
    if (a < DK) {
      let ka = k[row + a];
      var u = 0.0;
      for (var r = 0u; r < DK; r++) {
        s_col[r] += k[row + r] * ka;
        u += q[row + r] * s_col[r];
      }
      wu[a] = u;
    }
    workgroupBarrier();
    // The normaliser's state (every thread keeps its own copy: no further barrier).
    var km = 0.0;
    for (var r = 0u; r < DK; r++) {
      km += k[row + r] * mc[r];
    }
    var den = 0.0;
    for (var r = 0u; r < DK; r++) {
      hc[r] += k[row + r] * km;
      mc[r] += q[row + r];
      den += wu[r] * mc[r] - q[row + r] * hc[r];
    }
    if (c < DV) {
      let vt = v[(head * n + t) * DV + c];
      var kc = 0.0;
      for (var r = 0u; r < DK; r++) {
        kc += k[row + r] * cc[r];
      }
      var num = 0.0;
      for (var r = 0u; r < DK; r++) {
        gc[r] += k[row + r] * kc;
        cc[r] += q[row + r] * vt;
        num += wu[r] * cc[r] - q[row + r] * gc[r];
      }
      if (params.normalize != 0u) {
        num = num / (den + params.eps);
      }
      o[(head * n + t) * DV + c] = num;
    }
    workgroupBarrier();
  }
  let base = head * STATE;
  if (wid.x == 0u && a < DK) {
    for (var r = 0u; r < DK; r++) {
      state[s_at(base, r, a)] = s_col[r];
    }
  }
  if (c < DV) {
    for (var r = 0u; r < DK; r++) {
      state[c_at(base, r, c)] = cc[r];
      state[g_at(base, r, c)] = gc[r];
    }
  }
  if (wid.x == 0u && a == 0u) {
    for (var r = 0u; r < DK; r++) {
      state[c_at(base, r, DV)] = mc[r];
      state[g_at(base, r, DV)] = hc[r];
    }
  }
}
