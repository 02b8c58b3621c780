// Chunk form (decay family), pass 1: each chunk's own contribution to the state,
//   ΔS_c = (K_c ⊙ e^{G̃_C − G̃})ᵀ V_c   (dk×dv; exponents ≤ 0),
// G̃ the chunk-local inclusive cumsum. One workgroup per (chunk, head); each
// thread owns state elements; the decayed keys of TB tokens are staged.
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> v: array<f32>;
@group(0) @binding(3) var<storage, read> incl: array<f32>;
@group(0) @binding(4) var<storage, read_write> states: array<f32>;

const TB: u32 = 8u;
const ELEMS: u32 = (DK * DV + 255u) / 256u;
var<workgroup> kd: array<f32, TB * DK>;
var<workgroup> vs: array<f32, TB * DV>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let chunk = wid.x;
  let head = wid.y;
  let tid = lid.x;
  let start = chunk * BLOCK;
  let end = min(start + BLOCK, n);
  let last = end - 1u;
  var acc: array<f32, ELEMS>;
  for (var e = 0u; e < ELEMS; e++) {
    acc[e] = 0.0;
  }
  for (var t0 = start; t0 < end; t0 += TB) {
    workgroupBarrier();
    for (var x = tid; x < TB * DK; x += 256u) {
      let t = t0 + x / DK;
      let d = x % DK;
      var val = 0.0;
      if (t < end) {
        let l = incl[gate_index(head, last, d, n)] - incl[gate_index(head, t, d, n)];
        val = k[(head * n + t) * DK + d] * decay(l);
      }
      kd[x] = val;
    }
    for (var x = tid; x < TB * DV; x += 256u) {
      let t = t0 + x / DV;
      var val = 0.0;
      if (t < end) {
        val = v[(head * n + t) * DV + x % DV];
      }
      vs[x] = val;
    }
    workgroupBarrier();
    for (var e = 0u; e < ELEMS; e++) {
      let idx = tid + e * 256u;
      if (idx < DK * DV) {
        let d = idx / DV;
        let col = idx % DV;
        var sum = acc[e];
        for (var tt = 0u; tt < TB; tt++) {
          sum += kd[tt * DK + d] * vs[tt * DV + col];
        }
        acc[e] = sum;
      }
    }
  }
  let base = (head * params.num_chunks + chunk) * DK * DV;
  for (var e = 0u; e < ELEMS; e++) {
    let idx = tid + e * 256u;
    if (idx < DK * DV) {
      states[base + idx] = acc[e];
    }
  }
}
