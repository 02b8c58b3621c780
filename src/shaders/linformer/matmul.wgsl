// C[h] = scale · op(A[h]) · op(B[h]) for every head h, one invocation per output
// element (rows×cols per head), f32 accumulation. op transposes when the flag
// says so; a stride of 0 shares a matrix across heads (Linformer's E and F).
// The low-rank variants multiply small or thin matrices (n×kproj, m×m, m×n), so
// a plain loop over the inner dimension is what they need on every adapter.
@group(0) @binding(0) var<uniform> params: MatParams;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

const WG: u32 = 64u;

@compute @workgroup_size(64)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let per_head = params.rows * params.cols;
  let index = (wid.x + wid.y * nwg.x) * WG + lid.x;
  if (index >= per_head * params.heads) {
    return;
  }
  let h = index / per_head;
  let row = (index % per_head) / params.cols;
  let col = index % params.cols;
  // Hoisted out of the inner loop (a call taking MatParams there doubled the time at H = 16).
  let trans_a = (params.flags & 1u) != 0u;
  let trans_b = (params.flags & 2u) != 0u;
  let ab = h * params.stride_a;
  let bb = h * params.stride_b;
  var acc = 0.0;
  for (var t = 0u; t < params.inner; t++) {
    let ai = select(ab + row * params.inner + t, ab + t * params.rows + row, trans_a);
  let bi = select(bb + t * params.cols + col, bb + col * params.inner + t, trans_b);
  acc += a[ai] * b[bi];
  }
  c[h * params.stride_c + row * params.cols + col] = params.scale * acc;
}
