// C[h] = scale · op(A[h]) · op(B[h]) for products with a long inner dimension
// (Linformer's E·K and F·V, Nyström's A3·V: inner = n, outputs only kproj×d or
// m×d). The one-invocation-per-output kernel (matmul.wgsl) runs n sequential
// steps on a few thousand invocations; here a workgroup of 256 owns REDUCE_COLS
// neighbouring outputs of one row and its REDUCE_LANES = 256/REDUCE_COLS lanes split the inner
// dimension, so neighbouring invocations read neighbouring columns of B (one
// memory sector) and the inner loop is n/REDUCE_LANES long. Lanes are summed in
// workgroup memory. Same parameters and layout as matmul.wgsl (MatParams: params.wgsl).
@group(0) @binding(0) var<uniform> params: MatParams;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

@compute @workgroup_size(256)
fn main(
  @builtin(local_invocation_index) li: u32,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  // Workgroup → (head, row, block of REDUCE_COLS columns); every invocation reaches the
  // barriers below, those past the matrix edge just add nothing.
  let blocks = (params.cols + REDUCE_COLS - 1u) / REDUCE_COLS;
  let group = wid.x + wid.y * nwg.x;
  let h = group / (params.rows * blocks);
  let row = (group / blocks) % params.rows;
  let col = (group % blocks) * REDUCE_COLS + li % REDUCE_COLS;
  let lane = li / REDUCE_COLS;
  let inside = h < params.heads && col < params.cols;
  // Hoisted out of the inner loop (a call taking MatParams there doubled the time at H = 16).
  let trans_a = (params.flags & 1u) != 0u;
  let trans_b = (params.flags & 2u) != 0u;
  let ab = h * params.stride_a;
  let bb = h * params.stride_b;
  var acc = 0.0;
  if (inside) {
    for (var t = lane; t < params.inner; t += REDUCE_LANES) {
      let ai = select(ab + row * params.inner + t, ab + t * params.rows + row, trans_a);
    let bi = select(bb + t * params.cols + col, bb + col * params.inner + t, trans_b);
    acc += a[ai] * b[bi];
    }
  }
  let sum = sum_lanes(li, acc);
  if (lane == 0u && inside) {
    c[h * params.stride_c + row * params.cols + col] = params.scale * sum;
  }
}
