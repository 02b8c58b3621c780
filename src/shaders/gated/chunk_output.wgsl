// Chunk form, last pass: the outputs of one chunk (x = V, or U' for the delta rule),
//   O_i = (scale·q_i ⊙ e^{Q̃_i}) S_[c] + Σ_{j ≤ i} A_ij x_j,
//   A_ij = scale·Σ_c q_ic k_jc e^{Q̃_ic − G̃_jc}   (scalar gate: one exp per pair),
// with G̃ the chunk-local inclusive cumsum and Q̃ = G̃ (RWKV-6: the exclusive
// sum, j < i, and the bonus scale·Σ_c q_ic u_c k_ic on the diagonal). The mask
// is applied before exp, so every exponent is ≤ 0. One workgroup per (chunk,
// head); A is built RB query rows at a time in workgroup memory.
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> x: array<f32>;
@group(0) @binding(4) var<storage, read> incl: array<f32>;
@group(0) @binding(5) var<storage, read> q_side: array<f32>;
@group(0) @binding(6) var<storage, read> bonus: array<f32>;
@group(0) @binding(7) var<storage, read> states: array<f32>;
@group(0) @binding(8) var<storage, read_write> o: array<f32>;

const RB: u32 = 16u;
var<workgroup> a_rows: array<f32, RB * BLOCK>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let chunk = wid.x;
  let head = wid.y;
  let tid = lid.x;
  let start = chunk * BLOCK;
  let end = min(start + BLOCK, n);
  let size = end - start;
  let s_base = (head * params.num_chunks + chunk) * DK * DV;
  for (var r0 = 0u; r0 < size; r0 += RB) {
    workgroupBarrier();
    for (var e = tid; e < RB * BLOCK; e += 256u) {
      let ii = r0 + e / BLOCK;
      let jj = e % BLOCK;
      var a = 0.0;
      var visible = jj <= ii;
      if (BONUS == 1u) {
        visible = jj < ii;
      }
      if (ii < size && jj < size && visible) {
        let i = start + ii;
        let j = start + jj;
        if (CH == 1u) {
          let l = q_side[gate_index(head, i, 0u, n)] - incl[gate_index(head, j, 0u, n)];
          var dot = 0.0;
          for (var d = 0u; d < DK; d++) {
            dot += q[(head * n + i) * DK + d] * k[(head * n + j) * DK + d];
          }
          a = dot * decay(l);
        } else {
          for (var d = 0u; d < DK; d++) {
            let l = q_side[gate_index(head, i, d, n)] - incl[gate_index(head, j, d, n)];
            a += q[(head * n + i) * DK + d] * k[(head * n + j) * DK + d] * decay(l);
          }
        }
      } else if (BONUS == 1u && ii < size && jj == ii) {
        let i = start + ii;
        for (var d = 0u; d < DK; d++) {
          a += q[(head * n + i) * DK + d] * bonus[head * DK + d] * k[(head * n + i) * DK + d];
        }
      }
      a_rows[e] = params.scale * a;
    }
    workgroupBarrier();
    for (var e = tid; e < RB * DV; e += 256u) {
      let ii = r0 + e / DV;
      let col = e % DV;
      if (ii < size) {
        let i = start + ii;
        var acc = 0.0;
        for (var d = 0u; d < DK; d++) {
          let qd = q[(head * n + i) * DK + d] * decay(q_side[gate_index(head, i, d, n)]);
          acc += qd * states[s_base + d * DV + col];
        }
        acc *= params.scale;
        let row = (ii - r0) * BLOCK;
        for (var jj = 0u; jj <= ii; jj++) {
          acc += a_rows[row + jj] * x[(head * n + start + jj) * DV + col];
        }
        o[(head * n + i) * DV + col] = acc;
      }
    }
  }
}
