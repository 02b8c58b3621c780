// Delta rule, chunk form (fast path), pass 4 of 4: the corrected values of every
// chunk at once, U' = U − W S_[c] (in place in u), which the shared output pass
// (chunk_output.wgsl) reads as its values. One workgroup per (chunk, head).
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> w: array<f32>;
@group(0) @binding(2) var<storage, read> states: array<f32>;
@group(0) @binding(3) var<storage, read_write> u: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let chunk = wid.x;
  let head = wid.y;
  let start = chunk * BLOCK;
  let size = min(BLOCK, n - start);
  let row0 = head * n + start;
  let s_base = (head * params.num_chunks + chunk) * DK * DV;
  for (var e = lid.x; e < size * DV; e += 256u) {
    let i = e / DV;
    let col = e % DV;
    var acc = u[(row0 + i) * DV + col];
    for (var d = 0u; d < DK; d++) {
      acc -= w[(row0 + i) * DK + d] * states[s_base + d * DV + col];
    }
    u[(row0 + i) * DV + col] = acc;
  }
}
