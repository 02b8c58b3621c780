// Delta rule, chunk form, pass 2: the state passing, sequential over chunks
// (each chunk's write depends on the state it starts from), but each chunk's
// work is two small matrix products, not C token steps. A workgroup owns CB
// value columns of S (DK×CB in workgroup memory) for one head; per chunk:
//   states[chunk] = S (the state before the chunk, for the output pass),
//   U' = U − W S   (all C rows at once: they all read S_[c]; in place in u),
//   S ← e^{G̃_C} S + (K ⊙ e^{G̃_C − G̃})ᵀ U'   (every exponent ≤ 0).
// Rows of W and of the decayed K are staged PT tokens at a time with coalesced
// loads, so the inner loops read workgroup memory, not dependent global loads
// (this loop is sequential over the whole sequence: its latency is the form's).
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> incl: array<f32>;
@group(0) @binding(3) var<storage, read> w: array<f32>;
@group(0) @binding(4) var<storage, read_write> u: array<f32>;
@group(0) @binding(5) var<storage, read_write> states: array<f32>;
@group(0) @binding(6) var<storage, read_write> final_state: array<f32>;

const SE: u32 = (DK * CB + 255u) / 256u;
var<workgroup> s_tile: array<f32, DK * CB>;
var<workgroup> u_tile: array<f32, BLOCK * CB>;
var<workgroup> rows: array<f32, PT * DK>;

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
    // U' = U − W S, PT rows at a time.
    for (var p0 = 0u; p0 < size; p0 += PT) {
      workgroupBarrier();
      for (var e = tid; e < PT * DK; e += 256u) {
        let t = p0 + e / DK;
        var val = 0.0;
        if (t < size) {
          val = w[(head * n + start + t) * DK + e % DK];
        }
        rows[e] = val;
      }
      workgroupBarrier();
      for (var e = tid; e < PT * CB; e += 256u) {
        let t = p0 + e / CB;
        let cc = e % CB;
        let col = c0 + cc;
        if (t < size) {
          var acc = 0.0;
          if (col < DV) {
            acc = u[(head * n + start + t) * DV + col];
            let r = (e / CB) * DK;
            for (var d = 0u; d < DK; d++) {
              acc -= rows[r + d] * s_tile[d * CB + cc];
            }
            u[(head * n + start + t) * DV + col] = acc;
          }
          u_tile[t * CB + cc] = acc;
        }
      }
    }
    // S ← e^{G̃_C} S + (K ⊙ e^{G̃_C − G̃})ᵀ U', accumulated in registers over PT-row pieces.
    let a = decay(total);
    var next: array<f32, SE>;
    for (var x = 0u; x < SE; x++) {
      let e = tid + x * 256u;
      var val = 0.0;
      if (e < DK * CB) {
        val = a * s_tile[e];
      }
      next[x] = val;
    }
    for (var p0 = 0u; p0 < size; p0 += PT) {
      workgroupBarrier();
      for (var e = tid; e < PT * DK; e += 256u) {
        let t = p0 + e / DK;
        var val = 0.0;
        if (t < size) {
          let factor = decay(total - incl[gate_index(head, start + t, 0u, n)]);
          val = k[(head * n + start + t) * DK + e % DK] * factor;
        }
        rows[e] = val;
      }
      workgroupBarrier();
      let count = min(PT, size - p0);
      for (var x = 0u; x < SE; x++) {
        let e = tid + x * 256u;
        if (e < DK * CB) {
          let d = e / CB;
          let cc = e % CB;
          var acc = next[x];
          for (var t = 0u; t < count; t++) {
            acc += rows[t * DK + d] * u_tile[(p0 + t) * CB + cc];
          }
          next[x] = acc;
        }
      }
    }
    workgroupBarrier();
    for (var x = 0u; x < SE; x++) {
      let e = tid + x * 256u;
      if (e < DK * CB) {
        s_tile[e] = next[x];
      }
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
