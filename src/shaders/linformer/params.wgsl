// Uniforms of the low-rank kernels (Linformer, Nyström), prepended to each of
// them by engine/variants/linformer/kernels.ts; a kernel declares the one it binds.

// matmul.wgsl, matmul_long.wgsl: C[h] = scale · op(A[h]) · op(B[h]).
struct MatParams {
  rows: u32,
  cols: u32,
  inner: u32,
  heads: u32,
  stride_a: u32,
  stride_b: u32,
  stride_c: u32,
  // bit 0: A is stored inner×rows (use Aᵀ); bit 1: B is stored cols×inner (use Bᵀ).
  flags: u32,
  scale: f32,
  pad0: u32,
  pad1: u32,
  pad2: u32,
}

// softmax_rows.wgsl, softmax_rows_long.wgsl: `total_rows` rows of `cols` entries.
struct RowParams {
  total_rows: u32,
  cols: u32,
  pad0: u32,
  pad1: u32,
}

// segment_mean.wgsl, segment_mean_long.wgsl: m landmarks of n/m tokens, d columns.
struct SegParams {
  n: u32,
  m: u32,
  d: u32,
  heads: u32,
}

// The reduction kernels (matmul_long.wgsl, segment_mean_long.wgsl): a workgroup of
// 256 owns REDUCE_COLS neighbouring outputs, and REDUCE_LANES = 256 / REDUCE_COLS
// lanes per output (invocation li = lane·REDUCE_COLS + column) each sum a strided
// share of the terms. The engine prepends both constants (kernels.ts).
var<workgroup> lane_sums: array<f32, 256>;

// The sum of `acc` over the lanes of invocation li's output, valid in lane 0.
// Every invocation of the workgroup must call it (it holds barriers).
fn sum_lanes(li: u32, acc: f32) -> f32 {
  let lane = li / REDUCE_COLS;
  lane_sums[li] = acc;
  workgroupBarrier();
  for (var half = REDUCE_LANES / 2u; half > 0u; half >>= 1u) {
    if (lane < half) {
      lane_sums[li] += lane_sums[li + half * REDUCE_COLS];
    }
    workgroupBarrier();
  }
  return lane_sums[li];
}
