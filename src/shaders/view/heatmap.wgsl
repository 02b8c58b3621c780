// Heatmap of a matrix that lives in a GPU buffer, drawn without reading it
// back: one fragment per raster pixel pools its block of the matrix (max, mean
// or signed max-abs), maps the value through a 256-entry colour table, and
// paints masked blocks (every cell j > i under a causal mask) in a neutral
// colour. Block bounds use the integer rule of src/components/heatmap/pool.ts.

struct Params {
  rows: u32,
  cols: u32,
  out_rows: u32,
  out_cols: u32,
  // Element offset of the matrix inside the bound buffer.
  offset: u32,
  // 0 = max, 1 = mean, 2 = signed max-abs.
  mode: u32,
  causal: u32,
  mask_rgba: u32,
  lo: f32,
  hi: f32,
  // Colour-scale exponent: t = ((v - lo) / (hi - lo))^gamma (0.5 lifts the faint weights).
  gamma: f32,
  _pad1: u32,
}

@group(0) @binding(0) var<storage, read> matrix: array<f32>;
@group(0) @binding(1) var<storage, read> lut: array<u32, 256>;
@group(0) @binding(2) var<uniform> params: Params;

@vertex
fn vs_main(@builtin(vertex_index) index: u32) -> @builtin(position) vec4f {
  // One triangle covering the viewport.
  let x = f32((index << 1u) & 2u) * 2.0 - 1.0;
  let y = f32(index & 2u) * 2.0 - 1.0;
  return vec4f(x, y, 0.0, 1.0);
}

fn block_start(p: u32, size: u32, out: u32) -> u32 {
  return (p * size) / out;
}

fn block_end(p: u32, size: u32, out: u32) -> u32 {
  return max(block_start(p, size, out) + 1u, ((p + 1u) * size) / out);
}

@fragment
fn fs_main(@builtin(position) position: vec4f) -> @location(0) vec4f {
  let px = u32(position.x);
  let py = u32(position.y);
  let r0 = block_start(py, params.rows, params.out_rows);
  let r1 = block_end(py, params.rows, params.out_rows);
  let c0 = block_start(px, params.cols, params.out_cols);
  let c1 = block_end(px, params.cols, params.out_cols);
  var count = 0u;
  var acc = 0.0;
  if (params.mode == 0u) {
    acc = -3.0e38;
  }
  for (var r = r0; r < r1; r++) {
    var last = c1;
    if (params.causal != 0u) {
      last = min(c1, r + 1u);
    }
    let base = params.offset + r * params.cols;
    for (var c = c0; c < last; c++) {
      let v = matrix[base + c];
      count++;
      if (params.mode == 0u) {
        acc = max(acc, v);
      } else if (params.mode == 1u) {
        acc += v;
      } else if (abs(v) > abs(acc)) {
        acc = v;
      }
    }
  }
  if (count == 0u) {
    return unpack4x8unorm(params.mask_rgba);
  }
  if (params.mode == 1u) {
    acc = acc / f32(count);
  }
  let span = params.hi - params.lo;
  var t = 0.5;
  if (span > 0.0) {
    t = pow(clamp((acc - params.lo) / span, 0.0, 1.0), params.gamma);
  }
  // floor(x + 0.5), not round(): WGSL rounds halves to even, the CPU path rounds them up.
  let index = min(255u, u32(floor(t * 255.0 + 0.5)));
  return unpack4x8unorm(lut[index]);
}
