// Delta rule, chunk form, pass 2: the state passing, sequential over chunks
// (each chunk's write depends on the state it starts from). Thread (head, c)
// keeps column c of S in registers; per chunk:
//   states[chunk] = S (the state before the chunk, for the output pass),
//   U'_t = U_t − W_t S (in place in u: what the state already predicts is not written again),
//   S ← e^{G̃_C} S + (K ⊙ e^{G̃_C − G̃})ᵀ U'.
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> incl: array<f32>;
@group(0) @binding(3) var<storage, read> w: array<f32>;
@group(0) @binding(4) var<storage, read_write> u: array<f32>;
@group(0) @binding(5) var<storage, read_write> states: array<f32>;
@group(0) @binding(6) var<storage, read_write> final_state: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let head = wid.y;
  let c = wid.x * 64u + lid.x;
  if (c >= DV) {
    return;
  }
  var s: array<f32, DK>;
  for (var d = 0u; d < DK; d++) {
    s[d] = 0.0;
  }
  for (var chunk = 0u; chunk < params.num_chunks; chunk++) {
    let start = chunk * BLOCK;
    let end = min(start + BLOCK, n);
    let base = (head * params.num_chunks + chunk) * DK * DV;
    for (var d = 0u; d < DK; d++) {
      states[base + d * DV + c] = s[d];
    }
    for (var t = start; t < end; t++) {
      var acc = u[(head * n + t) * DV + c];
      for (var d = 0u; d < DK; d++) {
        acc -= w[(head * n + t) * DK + d] * s[d];
      }
      u[(head * n + t) * DV + c] = acc;
    }
    let total = incl[gate_index(head, end - 1u, 0u, n)];
    let a = decay(total);
    for (var d = 0u; d < DK; d++) {
      s[d] *= a;
    }
    for (var t = start; t < end; t++) {
      let ut = u[(head * n + t) * DV + c];
      let f = decay(total - incl[gate_index(head, t, 0u, n)]) * ut;
      for (var d = 0u; d < DK; d++) {
        s[d] += k[(head * n + t) * DK + d] * f;
      }
    }
  }
  for (var d = 0u; d < DK; d++) {
    final_state[head * DK * DV + d * DV + c] = s[d];
  }
}
