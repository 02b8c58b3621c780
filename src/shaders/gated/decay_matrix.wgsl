// Parallel form: the n×n matrix applied to V (or, with params.strict, the
// delta rule's strictly lower KKᵀ ⊙ Γ, rows = keys, scale 1), one 16×16 tile of
// (query block I, key block J) per workgroup:
//   W_ij = scale·Σ_c r_ic k_jc e^{L_c(i,j)},  L_c(i,j) = Σ_{s=j+1}^{i} g_sc
//   (RWKV-6: Σ_{s=j+1}^{i−1}, j < i, and the bonus Σ_c r_ic u_c k_ic on the diagonal).
// L is assembled from block-local cumulative sums (blocks of BLOCK = 16 tokens):
//   same block:   L = Q_i − P_j
//   J < I:        L = Q_i + M_IJ + (P_{end J} − P_j),  M_IJ = Σ_{blocks J<b<I} (block total)
// where P is the inclusive and Q the query-side (inclusive, or exclusive for
// RWKV-6) block-local sum. Every term is ≤ 0 and is summed over exactly the
// steps between j and i, so no long cumulative sum is ever differenced
// (which would lose all precision at n = 65,536 with g = −20). The mask is
// applied before exp; masked entries (and whole tiles above the diagonal) are 0.
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> rows: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> incl: array<f32>;
@group(0) @binding(4) var<storage, read> q_side: array<f32>;
@group(0) @binding(5) var<storage, read> bonus: array<f32>;
@group(0) @binding(6) var<storage, read_write> matrix: array<f32>;

const T: u32 = 16u;
const LANES: u32 = 256u / CH;
var<workgroup> partial: array<f32, 256>;
var<workgroup> between: array<f32, CH>;

@compute @workgroup_size(16, 16)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let head = wid.z;
  let jb = wid.x;
  let ib = wid.y;
  let i = ib * T + lid.y;
  let j = jb * T + lid.x;
  let tid = lid.y * 16u + lid.x;
  if (jb > ib) {
    if (i < n && j < n) {
      matrix[head * n * n + i * n + j] = 0.0;
    }
    return;
  }
  // M_IJ per channel: LANES threads per channel sum strided block totals, then one reduces.
  var part = 0.0;
  if (tid < LANES * CH) {
    let c = tid % CH;
    let lane = tid / CH;
    for (var b = jb + 1u + lane; b < ib; b += LANES) {
      part += incl[gate_index(head, b * T + T - 1u, c, n)];
    }
  }
  partial[tid] = part;
  workgroupBarrier();
  if (tid < CH) {
    var sum = 0.0;
    for (var lane = 0u; lane < LANES; lane++) {
      sum += partial[lane * CH + tid];
    }
    between[tid] = sum;
  }
  workgroupBarrier();
  if (i >= n || j >= n) {
    return;
  }
  var visible = j <= i;
  if (BONUS == 1u || params.strict != 0u) {
    visible = j < i;
  }
  var w = 0.0;
  if (visible) {
    let block_end = min(jb * T + T, n) - 1u;
    if (CH == 1u) {
      var l = q_side[gate_index(head, i, 0u, n)] - incl[gate_index(head, j, 0u, n)];
      if (jb < ib) {
        l = q_side[gate_index(head, i, 0u, n)] + between[0] +
          (incl[gate_index(head, block_end, 0u, n)] - incl[gate_index(head, j, 0u, n)]);
      }
      var dot = 0.0;
      for (var d = 0u; d < DK; d++) {
        dot += rows[(head * n + i) * DK + d] * k[(head * n + j) * DK + d];
      }
      w = dot * decay(l);
    } else {
      for (var d = 0u; d < DK; d++) {
        var l = q_side[gate_index(head, i, d, n)] - incl[gate_index(head, j, d, n)];
        if (jb < ib) {
          l = q_side[gate_index(head, i, d, n)] + between[d] +
            (incl[gate_index(head, block_end, d, n)] - incl[gate_index(head, j, d, n)]);
        }
        w += rows[(head * n + i) * DK + d] * k[(head * n + j) * DK + d] * decay(l);
      }
    }
  } else if (BONUS == 1u && i == j) {
    for (var d = 0u; d < DK; d++) {
      w += rows[(head * n + i) * DK + d] * bonus[head * DK + d] * k[(head * n + i) * DK + d];
    }
  }
  matrix[head * n * n + i * n + j] = params.scale * w;
}
