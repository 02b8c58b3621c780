// Delta rule, chunk form, pass 1 (attention-math.md §17.3, the WY/UT
// representation): per chunk, with L_ij = β_i (k_i·k_j) e^{G̃_i − G̃_j} for j < i,
//   W = T(diag(β)e^{G̃} ⊙ K), U = T diag(β)V,  T = (I + L)⁻¹,
// by forward substitution in f32, row by row: row i = its right-hand side
// minus Σ_{j<i} L_ij (row j). L's row i is computed by all threads into
// workgroup memory; each thread then owns fixed columns of W and U and reads
// back only its own earlier writes. One workgroup per (chunk, head).
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> v: array<f32>;
@group(0) @binding(3) var<storage, read> incl: array<f32>;
@group(0) @binding(4) var<storage, read> beta: array<f32>;
@group(0) @binding(5) var<storage, read_write> w: array<f32>;
@group(0) @binding(6) var<storage, read_write> u: array<f32>;

var<workgroup> l_row: array<f32, BLOCK>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let chunk = wid.x;
  let head = wid.y;
  let tid = lid.x;
  let start = chunk * BLOCK;
  let end = min(start + BLOCK, n);
  let size = end - start;
  for (var ii = 0u; ii < size; ii++) {
    let i = start + ii;
    let gi = incl[gate_index(head, i, 0u, n)];
    let bi = beta[head * n + i];
    workgroupBarrier();
    for (var jj = tid; jj < ii; jj += 256u) {
      let j = start + jj;
      var dot = 0.0;
      for (var d = 0u; d < DK; d++) {
        dot += k[(head * n + i) * DK + d] * k[(head * n + j) * DK + d];
      }
      l_row[jj] = bi * dot * decay(gi - incl[gate_index(head, j, 0u, n)]);
    }
    workgroupBarrier();
    for (var col = tid; col < DK + DV; col += 256u) {
      if (col < DK) {
        var acc = bi * decay(gi) * k[(head * n + i) * DK + col];
        for (var jj = 0u; jj < ii; jj++) {
          acc -= l_row[jj] * w[(head * n + start + jj) * DK + col];
        }
        w[(head * n + i) * DK + col] = acc;
      } else {
        let c = col - DK;
        var acc = bi * v[(head * n + i) * DV + c];
        for (var jj = 0u; jj < ii; jj++) {
          acc -= l_row[jj] * u[(head * n + start + jj) * DV + c];
        }
        u[(head * n + i) * DV + c] = acc;
      }
    }
  }
}
