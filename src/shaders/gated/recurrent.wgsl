// Recurrent form, token by token: thread c keeps column c of the dk×dv state S
// in registers, so every step (decay, the delta rule's prediction k_t·S[:,c] and
// write, the read q_t·S[:,c]) is local to the thread; the threads of a head
// run in lockstep over t. Per token:
//   RWKV-6:  o_t = scale·q_t(S + diag(u)k_tᵀv_t), then S = diag(e^{g_t})S + k_tᵀv_t
//   decay:   S = diag(e^{g_t})S + k_tᵀv_t, o_t = scale·q_t S
//   delta:   S = e^{g_t}S, S += β_t k_tᵀ(v_t − k_t S), o_t = scale·q_t S
// Each step multiplies by one factor e^{g_t} ≤ 1, so nothing can overflow.
// With params.one_hot the values are v_t = e_t over params.cols = n columns and
// the outputs are the rows of the n×n weights (o = W·V for any V); a column c
// stays zero before token c, so the loop starts at the group's first column.
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read> g: array<f32>;
@group(0) @binding(5) var<storage, read> beta: array<f32>;
@group(0) @binding(6) var<storage, read> bonus: array<f32>;
@group(0) @binding(7) var<storage, read_write> o: array<f32>;
@group(0) @binding(8) var<storage, read_write> state: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let cols = params.cols;
  let head = wid.y;
  let c = wid.x * WG + lid.x;
  if (c >= cols) {
    return;
  }
  let qk_base = head * n * DK;
  var s: array<f32, DK>;
  for (var d = 0u; d < DK; d++) {
    s[d] = 0.0;
  }
  var t0 = 0u;
  if (params.one_hot != 0u) {
    t0 = wid.x * WG;
  }
  for (var t = t0; t < n; t++) {
    let row = qk_base + t * DK;
    var vt = 0.0;
    if (params.one_hot != 0u) {
      vt = select(0.0, 1.0, t == c);
    } else {
      vt = v[(head * n + t) * DV + c];
    }
    if (BONUS == 1u) {
      var acc = 0.0;
      for (var d = 0u; d < DK; d++) {
        acc += q[row + d] * (s[d] + bonus[head * DK + d] * k[row + d] * vt);
      }
      o[(head * n + t) * cols + c] = params.scale * acc;
    }
    if (CH == 1u) {
      let a = decay(g[gate_index(head, t, 0u, n)]);
      for (var d = 0u; d < DK; d++) {
        s[d] *= a;
      }
    } else {
      for (var d = 0u; d < DK; d++) {
        s[d] *= decay(g[gate_index(head, t, d, n)]);
      }
    }
    var write = vt;
    if (DELTA == 1u) {
      var pred = 0.0;
      for (var d = 0u; d < DK; d++) {
        pred += k[row + d] * s[d];
      }
      write = beta[head * n + t] * (vt - pred);
    }
    for (var d = 0u; d < DK; d++) {
      s[d] += k[row + d] * write;
    }
    if (BONUS == 0u) {
      var acc = 0.0;
      for (var d = 0u; d < DK; d++) {
        acc += q[row + d] * s[d];
      }
      o[(head * n + t) * cols + c] = params.scale * acc;
    }
  }
  if (params.one_hot == 0u) {
    for (var d = 0u; d < DK; d++) {
      state[head * DK * DV + d * DV + c] = s[d];
    }
  }
}
