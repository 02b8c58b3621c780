// Delta rule, chunk form, pass 2: the state passing, sequential over chunks
// (each chunk's write depends on the state it starts from), but each chunk's
// work is two small matrix products, not C token steps. A workgroup owns CB
// value columns of S (DK×CB in workgroup memory) for one head; per chunk:
//   states[chunk] = S (the state before the chunk, for the output pass),
//   U' = U − W S   (all C rows at once: they all read S_[c]; in place in u),
//   S ← e^{G̃_C} S + (K ⊙ e^{G̃_C − G̃})ᵀ U'   (every exponent ≤ 0).
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> incl: array<f32>;
@group(0) @binding(3) var<storage, read> w: array<f32>;
@group(0) @binding(4) var<storage, read_write> u: array<f32>;
@group(0) @binding(5) var<storage, read_write> states: array<f32>;
@group(0) @binding(6) var<storage, read_write> final_state: array<f32>;

var<workgroup> s_tile: array<f32, DK * CB>;
var<workgroup> u_tile: array<f32, BLOCK * CB>;
var<workgroup> k_decay: array<f32, BLOCK>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let head = wid.y;
  let c0 = wid.x * CB;
  let tid = lid.x;
  for (var e = tid; e < DK * CB; e += 256u) {
    s_tile[e] = 0.0;
  }
  for (var chunk = 0u; chunk < params.num_chunks; chunk++) {
    let start = chunk * BLOCK;
    let end = min(start + BLOCK, n);
    let size = end - start;
    let total = incl[gate_index(head, end - 1u, 0u, n)];
    workgroupBarrier();
    let base = (head * params.num_chunks + chunk) * DK * DV;
    for (var e = tid; e < DK * CB; e += 256u) {
      let col = c0 + e % CB;
      if (col < DV) {
        states[base + (e / CB) * DV + col] = s_tile[e];
      }
    }
    for (var e = tid; e < size * CB; e += 256u) {
      let t = start + e / CB;
      let cc = e % CB;
      let col = c0 + cc;
      var acc = 0.0;
      if (col < DV) {
        acc = u[(head * n + t) * DV + col];
        for (var d = 0u; d < DK; d++) {
          acc -= w[(head * n + t) * DK + d] * s_tile[d * CB + cc];
        }
        u[(head * n + t) * DV + col] = acc;
      }
      u_tile[e] = acc;
    }
    for (var t = tid; t < size; t += 256u) {
      k_decay[t] = decay(total - incl[gate_index(head, start + t, 0u, n)]);
    }
    workgroupBarrier();
    let a = decay(total);
    for (var e = tid; e < DK * CB; e += 256u) {
      let d = e / CB;
      let cc = e % CB;
      var acc = a * s_tile[e];
      for (var t = 0u; t < size; t++) {
        acc += k[(head * n + start + t) * DK + d] * k_decay[t] * u_tile[t * CB + cc];
      }
      s_tile[e] = acc;
    }
  }
  workgroupBarrier();
  for (var e = tid; e < DK * CB; e += 256u) {
    let col = c0 + e % CB;
    if (col < DV) {
      final_state[head * DK * DV + (e / CB) * DV + col] = s_tile[e];
    }
  }
}
