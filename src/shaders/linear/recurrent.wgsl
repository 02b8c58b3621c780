// Linear attention, recurrent form: S_t = S_{t−1} + φ(k_t)ᵀv_t, z_t = z_{t−1} + φ(k_t),
// o_t = φ(q_t)S_t / (φ(q_t)·z_t + eps). Sequential over t, parallel over the dv
// columns: thread c keeps column c of S (DK floats) and its own copy of z in
// registers. φ(q), φ(k) of TB tokens at a time are staged in workgroup memory.
// Non-causal runs two sweeps: accumulate the whole state, then read it.
// The final state S (dk×dv) is written to `state`.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read_write> o: array<f32>;
@group(0) @binding(5) var<storage, read_write> state: array<f32>;

// TB (tokens staged per step, ≤ 32) is a compile-time constant the engine picks so
// that 2·TB·DK floats fit the device's workgroup memory: large feature dimensions
// (Performer's m, Based's 1 + d + d²) stage fewer tokens at a time instead of failing.
var<workgroup> fq: array<f32, TB * DK>;
var<workgroup> fk: array<f32, TB * DK>;

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let head = wid.y;
  let c = wid.x * WG + lid.x;
  let has_col = c < DV;
  let qk_base = head * n * DK;
  let v_base = head * n * DV;

  var s_col: array<f32, DK>;
  var z: array<f32, DK>;
  for (var d = 0u; d < DK; d++) {
    s_col[d] = 0.0;
    z[d] = 0.0;
  }

  var sweeps = 1u;
  if (params.causal == 0u) {
    sweeps = 2u;
  }
  for (var sweep = 0u; sweep < sweeps; sweep++) {
    // Causal: one sweep that updates and reads. Non-causal: sweep 0 only updates,
    // sweep 1 only reads the full state.
    let update = sweep == 0u;
    let read = params.causal != 0u || sweep == 1u;
    for (var t0 = 0u; t0 < n; t0 += TB) {
      workgroupBarrier();
      for (var e = lid.x; e < TB * DK; e += WG) {
        let t = t0 + e / DK;
        var qv = 0.0;
        var kv = 0.0;
        if (t < n) {
          qv = phi(q[qk_base + t0 * DK + e]);
          kv = phi(k[qk_base + t0 * DK + e]);
        }
        fq[e] = qv;
        fk[e] = kv;
      }
      workgroupBarrier();
      let count = min(TB, n - t0);
      for (var tt = 0u; tt < count; tt++) {
        let t = t0 + tt;
        var vt = 0.0;
        if (has_col) {
          vt = v[v_base + t * DV + c];
        }
        if (update) {
          for (var d = 0u; d < DK; d++) {
            let kd = fk[tt * DK + d];
            s_col[d] += kd * vt;
            z[d] += kd;
          }
        }
        if (read) {
          var num = 0.0;
          var den = 0.0;
          for (var d = 0u; d < DK; d++) {
            let qd = fq[tt * DK + d];
            num += qd * s_col[d];
            den += qd * z[d];
          }
          if (has_col) {
            var out = num;
            if (params.normalize != 0u) {
              out = num / (den + params.eps);
            }
            o[v_base + t * DV + c] = out;
          }
        }
      }
    }
  }
  if (has_col) {
    for (var d = 0u; d < DK; d++) {
      state[head * DK * DV + d * DV + c] = s_col[d];
    }
  }
}
