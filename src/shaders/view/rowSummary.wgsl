// Per-row summary of a matrix in a GPU buffer, for the heatmap's text
// alternative: for row i, Σ_j |w_ij|·|i − j|, Σ_j |w_ij|, and the row's largest
// value with its column. 4 floats per row go back to the host, never the matrix.

struct Params {
  rows: u32,
  cols: u32,
  // Element offset of the matrix inside the bound buffer.
  offset: u32,
  _pad: u32,
}

@group(0) @binding(0) var<storage, read> matrix: array<f32>;
@group(0) @binding(1) var<storage, read_write> summary: array<vec4f>;
@group(0) @binding(2) var<uniform> params: Params;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u) {
  let i = id.x;
  if (i >= params.rows) {
    return;
  }
  let base = params.offset + i * params.cols;
  var distance = 0.0;
  var weight = 0.0;
  var best = matrix[base];
  var best_j = 0u;
  for (var j = 0u; j < params.cols; j++) {
    let w = matrix[base + j];
    let a = abs(w);
    weight += a;
    distance += a * f32(max(i, j) - min(i, j));
    if (w > best) {
      best = w;
      best_j = j;
    }
  }
  summary[i] = vec4f(distance, weight, best, f32(best_j));
}
