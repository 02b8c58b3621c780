// Delta rule, chunk form (fast path), pass 1 of 4 (attention-math.md §17.3, the
// WY/UT representation), one workgroup per (chunk, head):
//   L_ij = β_i (k_i·k_j) e^{G̃_i − G̃_j}   (j < i, G̃ the chunk-local inclusive cumsum),
//   T = (I + L)⁻¹,  W = T (diag(β e^{G̃}) K),  U = T diag(β) V.
// L and T share one BLOCK×BLOCK array of workgroup memory: L strictly below the
// diagonal (row i, column j < i) and T (unit lower triangular, diagonal implicit)
// transposed above it (T_ij stored at [j][i]); rows have stride BLOCK + 1 (no
// bank conflicts when the lanes of a warp walk a column). T is solved blockwise
// with SB×SB blocks (NB = BLOCK/SB of them): the diagonal blocks by column
// substitution (thread `col` owns column col and only reads its own earlier
// writes, so no barrier: at most SB − 1 dependent steps instead of BLOCK − 1),
// then block row a = 1 … NB−1 at once for every block column b < a:
//   X_ab = Σ_{m=b}^{a−1} L_am T_mb,   T_ab = −T_aa X_ab
// (from (I + L) T = I). Then [W | U] = T [diag(β e^{G̃}) K | diag(β) V] as one
// register-tiled product: thread (ti, tc) of TI×TC accumulates RM×RN outputs
// (rows i = ti + a·TI, columns c = tc + b·TC), the right-hand side staged TJ
// tokens at a time (zero-padded to XP = TC·RN columns).
// Rows past the sequence end (the last, partial chunk) have L = 0 and are not written.
// With STAGE = 1 (where workgroup memory allows) the chunk's keys are staged
// first (row stride DK + 1: the lanes of a warp read different rows without bank
// conflicts); otherwise they are read from global memory (KS = 1, unused).
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> v: array<f32>;
@group(0) @binding(3) var<storage, read> incl: array<f32>;
@group(0) @binding(4) var<storage, read> beta: array<f32>;
@group(0) @binding(5) var<storage, read_write> w: array<f32>;
@group(0) @binding(6) var<storage, read_write> u: array<f32>;

const LTS: u32 = BLOCK + 1u;
const NB: u32 = BLOCK / SB;
var<workgroup> lt: array<f32, BLOCK * LTS>;
var<workgroup> xs: array<f32, XS>;
var<workgroup> gs: array<f32, BLOCK>;
var<workgroup> bs: array<f32, BLOCK>;
var<workgroup> bg: array<f32, BLOCK>;
var<workgroup> ks: array<f32, KS>;
const TJ: u32 = 16u;
const XP: u32 = TC * RN;
const XC: u32 = DK + DV;
var<workgroup> rhs: array<f32, TJ * XP>;

fn key(row0: u32, t: u32, d: u32) -> f32 {
  if (STAGE == 1u) {
    return ks[t * (DK + 1u) + d];
  }
  return k[(row0 + t) * DK + d];
}

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let chunk = wid.x;
  let head = wid.y;
  let tid = lid.x;
  let start = chunk * BLOCK;
  let size = min(BLOCK, n - start);
  let row0 = head * n + start;
  for (var t = tid; t < BLOCK; t += 256u) {
    var gv = 0.0;
    var bv = 0.0;
    if (t < size) {
      gv = incl[gate_index(head, start + t, 0u, n)];
      bv = beta[row0 + t];
    }
    gs[t] = gv;
    bs[t] = bv;
    bg[t] = bv * decay(gv);
  }
  if (STAGE == 1u) {
    for (var e = tid; e < BLOCK * DK; e += 256u) {
      let t = e / DK;
      var kv = 0.0;
      if (t < size) {
        kv = k[row0 * DK + e];
      }
      ks[t * (DK + 1u) + e % DK] = kv;
    }
  }
  workgroupBarrier();
  for (var e = tid; e < BLOCK * BLOCK; e += 256u) {
    let i = e / BLOCK;
    let j = e % BLOCK;
    if (j < i) {
      var val = 0.0;
      if (i < size) {
        var dot = 0.0;
        for (var d = 0u; d < DK; d++) {
          dot += key(row0, i, d) * key(row0, j, d);
        }
        val = bs[i] * dot * decay(gs[i] - gs[j]);
      }
      lt[i * LTS + j] = val;
    }
  }
  workgroupBarrier();
  // Diagonal blocks: T_i,col = −Σ_{j=col}^{i−1} L_ij T_j,col  (T_col,col = 1), i in col's block.
  for (var col = tid; col < BLOCK; col += 256u) {
    let block_end = (col / SB + 1u) * SB;
    for (var i = col + 1u; i < block_end; i++) {
      var acc = lt[i * LTS + col];
      for (var j = col + 1u; j < i; j++) {
        acc += lt[i * LTS + j] * lt[col * LTS + j];
      }
      lt[col * LTS + i] = -acc;
    }
  }
  workgroupBarrier();
  for (var a = 1u; a < NB; a++) {
    // X_ab[i][j] for every b < a (element e: block b, row i, column j).
    for (var e = tid; e < a * SB * SB; e += 256u) {
      let b = e / (SB * SB);
      let i = (e / SB) % SB;
      let j = e % SB;
      let row = a * SB + i;
      let cj = b * SB + j;
      var acc = lt[row * LTS + cj];
      for (var l = j + 1u; l < SB; l++) {
        acc += lt[row * LTS + b * SB + l] * lt[cj * LTS + b * SB + l];
      }
      for (var m = b + 1u; m < a; m++) {
        for (var l = 0u; l < SB; l++) {
          acc += lt[row * LTS + m * SB + l] * lt[cj * LTS + m * SB + l];
        }
      }
      xs[e] = acc;
    }
    workgroupBarrier();
    for (var e = tid; e < a * SB * SB; e += 256u) {
      let b = e / (SB * SB);
      let i = (e / SB) % SB;
      let j = e % SB;
      var acc = xs[e];
      for (var l = 0u; l < i; l++) {
        acc += lt[(a * SB + l) * LTS + a * SB + i] * xs[b * SB * SB + l * SB + j];
      }
      lt[(b * SB + j) * LTS + a * SB + i] = -acc;
    }
    workgroupBarrier();
  }
  // [W | U] = T · rhs, rhs row j = [bg_j k_j | bs_j v_j].
  let ti = tid / TC;
  let tc = tid % TC;
  var acc: array<array<f32, RN>, RM>;
  for (var j0 = 0u; j0 < BLOCK; j0 += TJ) {
    workgroupBarrier();
    for (var e = tid; e < TJ * XP; e += 256u) {
      let j = j0 + e / XP;
      let c = e % XP;
      var val = 0.0;
      if (j < size) {
        if (c < DK) {
          val = bg[j] * key(row0, j, c);
        } else if (c < XC) {
          val = bs[j] * v[(row0 + j) * DV + c - DK];
        }
      }
      rhs[e] = val;
    }
    workgroupBarrier();
    if (ti < TI) {
      for (var jj = 0u; jj < TJ; jj++) {
        let j = j0 + jj;
        var tv: array<f32, RM>;
        for (var a = 0u; a < RM; a++) {
          let i = ti + a * TI;
          // T_ij: 1 on the diagonal, stored above it (transposed) for j < i, 0 for j > i.
          tv[a] = select(0.0, lt[j * LTS + i], j < i) + select(0.0, 1.0, j == i);
        }
        for (var b = 0u; b < RN; b++) {
          let xv = rhs[jj * XP + tc + b * TC];
          for (var a = 0u; a < RM; a++) {
            acc[a][b] += tv[a] * xv;
          }
        }
      }
    }
  }
  if (ti < TI) {
    for (var a = 0u; a < RM; a++) {
      let i = ti + a * TI;
      for (var b = 0u; b < RN; b++) {
        let c = tc + b * TC;
        if (i < size && c < XC) {
          if (c < DK) {
            w[(row0 + i) * DK + c] = acc[a][b];
          } else {
            u[(row0 + i) * DV + c - DK] = acc[a][b];
          }
        }
      }
    }
  }
}
