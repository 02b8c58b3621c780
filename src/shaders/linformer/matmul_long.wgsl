// C[h] = scale · op(A[h]) · op(B[h]) for products with a long inner dimension
// (Linformer's E·K and F·V, Nyström's A3·V: inner = n, outputs only kproj×d or
// m×d). The one-invocation-per-output kernel (matmul.wgsl) runs n sequential
// steps on a few thousand invocations; here a workgroup of 256 owns COLS
// neighbouring outputs of one row and its LANES = 256/COLS lanes split the inner
// dimension, so neighbouring invocations read neighbouring columns of B (one
// memory sector) and the inner loop is n/LANES long. Lanes are summed in
// workgroup memory. Same parameters and layout as matmul.wgsl.
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

@group(0) @binding(0) var<uniform> params: MatParams;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

const COLS: u32 = 8u;
const LANES: u32 = 32u;
var<workgroup> partial: array<f32, 256>;

@compute @workgroup_size(256)
fn main(
  @builtin(local_invocation_index) li: u32,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  // Workgroup → (head, row, block of COLS columns); every invocation reaches the
  // barriers below, those past the matrix edge just add nothing.
  let blocks = (params.cols + COLS - 1u) / COLS;
  let group = wid.x + wid.y * nwg.x;
  let h = group / (params.rows * blocks);
  let row = (group / blocks) % params.rows;
  let col = (group % blocks) * COLS + li % COLS;
  let lane = li / COLS;
  let inside = h < params.heads && col < params.cols;
  let trans_a = (params.flags & 1u) != 0u;
  let trans_b = (params.flags & 2u) != 0u;
  let ab = h * params.stride_a;
  let bb = h * params.stride_b;
  var acc = 0.0;
  if (inside) {
    for (var t = lane; t < params.inner; t += LANES) {
      let ai = select(ab + row * params.inner + t, ab + t * params.rows + row, trans_a);
      let bi = select(bb + t * params.cols + col, bb + col * params.inner + t, trans_b);
      acc += a[ai] * b[bi];
    }
  }
  partial[li] = acc;
  workgroupBarrier();
  for (var half = LANES / 2u; half > 0u; half >>= 1u) {
    if (lane < half) {
      partial[li] += partial[li + half * COLS];
    }
    workgroupBarrier();
  }
  if (lane == 0u && inside) {
    c[h * params.stride_c + row * params.cols + col] = params.scale * partial[li];
  }
}
