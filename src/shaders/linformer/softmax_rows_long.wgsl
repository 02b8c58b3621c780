// Row softmax in place for long rows (Nyström's A3: m rows of n entries): one
// workgroup of 256 per row instead of one invocation per row (softmax_rows.wgsl),
// which would walk n entries three times on m invocations. Each pass strides the
// row (neighbouring invocations read neighbouring entries) and reduces in
// workgroup memory; the row maximum is subtracted before exp.
@group(0) @binding(0) var<uniform> params: RowParams;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;

const WG: u32 = 256u;
var<workgroup> scratch: array<f32, 256>;

fn reduce_max(li: u32, value: f32) -> f32 {
  scratch[li] = value;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half >>= 1u) {
    if (li < half) {
      scratch[li] = max(scratch[li], scratch[li + half]);
    }
    workgroupBarrier();
  }
  let result = scratch[0];
  workgroupBarrier();
  return result;
}

fn reduce_sum(li: u32, value: f32) -> f32 {
  scratch[li] = value;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half >>= 1u) {
    if (li < half) {
      scratch[li] += scratch[li + half];
    }
    workgroupBarrier();
  }
  let result = scratch[0];
  workgroupBarrier();
  return result;
}

@compute @workgroup_size(256)
fn main(
  @builtin(local_invocation_index) li: u32,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  // One row per workgroup (workgroup-uniform, so the early return keeps the
  // barriers in uniform control flow); a 2-D grid may hold a few spare ones.
  let row = wid.x + wid.y * nwg.x;
  if (row >= params.total_rows) {
    return;
  }
  let base = row * params.cols;
  var m = -1e30;
  for (var j = li; j < params.cols; j += WG) {
    m = max(m, x[base + j]);
  }
  m = reduce_max(li, m);
  var sum = 0.0;
  for (var j = li; j < params.cols; j += WG) {
    let e = exp(x[base + j] - m);
    x[base + j] = e;
    sum += e;
  }
  let inv = 1.0 / reduce_sum(li, sum);
  for (var j = li; j < params.cols; j += WG) {
    x[base + j] = x[base + j] * inv;
  }
}
