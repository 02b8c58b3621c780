// Delta rule, chunk form (fast path), pass 2 of 4: each chunk as an affine map of
// the state it starts from. With U' = U − W S (the corrected values) and
// K̃ = K ⊙ e^{G̃_C − G̃} (every exponent ≤ 0),
//   S_next = e^{G̃_C} S + K̃ᵀ U' = M S + B,  M = e^{G̃_C} I − K̃ᵀ W (DK×DK),  B = K̃ᵀ U (DK×DV).
// Both are independent of S, so every chunk computes them in parallel and only
// the small product M S remains sequential (delta_chain.wgsl). M goes to `trans`,
// B to `states` (the chain replaces it by the state before the chunk).
// One workgroup per (chunk, head) computes K̃ᵀ [W | U] (DK × (DK+DV)) with
// register tiles: thread (td, tc) of TD×TC accumulates RM×RN outputs, rows
// d = td + a·TD and columns c = tc + b·TC; TJ tokens of K̃ and [W | U] are staged in
// workgroup memory per pass (zero-padded to TD·RM and TC·RN columns, so the inner
// loop has no bounds checks).
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> incl: array<f32>;
@group(0) @binding(3) var<storage, read> w: array<f32>;
@group(0) @binding(4) var<storage, read> u: array<f32>;
@group(0) @binding(5) var<storage, read_write> trans: array<f32>;
@group(0) @binding(6) var<storage, read_write> states: array<f32>;

const TJ: u32 = 16u;
const KP: u32 = TD * RM;
const XP: u32 = TC * RN;
const XC: u32 = DK + DV;
var<workgroup> fac: array<f32, BLOCK>;
var<workgroup> kt: array<f32, TJ * KP>;
var<workgroup> xt: array<f32, TJ * XP>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let chunk = wid.x;
  let head = wid.y;
  let tid = lid.x;
  let start = chunk * BLOCK;
  let size = min(BLOCK, n - start);
  let row0 = head * n + start;
  let total = incl[gate_index(head, start + size - 1u, 0u, n)];
  for (var t = tid; t < BLOCK; t += 256u) {
    var f = 0.0;
    if (t < size) {
      f = decay(total - incl[gate_index(head, start + t, 0u, n)]);
    }
    fac[t] = f;
  }
  let td = tid / TC;
  let tc = tid % TC;
  var acc: array<array<f32, RN>, RM>;
  for (var j0 = 0u; j0 < size; j0 += TJ) {
    workgroupBarrier();
    for (var e = tid; e < TJ * KP; e += 256u) {
      let j = e / KP;
      let d = e % KP;
      var val = 0.0;
      if (j0 + j < size && d < DK) {
        val = fac[j0 + j] * k[(row0 + j0 + j) * DK + d];
      }
      kt[e] = val;
    }
    for (var e = tid; e < TJ * XP; e += 256u) {
      let j = e / XP;
      let c = e % XP;
      var val = 0.0;
      if (j0 + j < size) {
        if (c < DK) {
          val = w[(row0 + j0 + j) * DK + c];
        } else if (c < XC) {
          val = u[(row0 + j0 + j) * DV + c - DK];
        }
      }
      xt[e] = val;
    }
    workgroupBarrier();
    if (td < TD) {
      for (var j = 0u; j < TJ; j++) {
        var kv: array<f32, RM>;
        for (var a = 0u; a < RM; a++) {
          kv[a] = kt[j * KP + td + a * TD];
        }
        for (var b = 0u; b < RN; b++) {
          let xv = xt[j * XP + tc + b * TC];
          for (var a = 0u; a < RM; a++) {
            acc[a][b] += kv[a] * xv;
          }
        }
      }
    }
  }
  if (td < TD) {
    let a_total = decay(total);
    let index = head * params.num_chunks + chunk;
    for (var a = 0u; a < RM; a++) {
      let d = td + a * TD;
      for (var b = 0u; b < RN; b++) {
        let c = tc + b * TC;
        if (d < DK && c < XC) {
          if (c < DK) {
            var diag = 0.0;
            if (c == d) {
              diag = a_total;
            }
            trans[index * DK * DK + d * DK + c] = diag - acc[a][b];
          } else {
            states[index * DK * DV + d * DV + c - DK] = acc[a][b];
          }
        }
      }
    }
  }
}
