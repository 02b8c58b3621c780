// Masked softmax attention under a pattern of src/engine/patterns (types.ts has
// the definitions): one invocation per (head, query row) walks the keys three
// times (max, sum, weights and output), scoring only the allowed pairs; the
// mask is computed here from the parameters, and for LSH from the bucket and
// chunk of every token (hashed and sorted on the host in float64, uploaded).
// Constants: DK, DV, PATTERN (0 window, 1 block, 2 strided, 3 longformer, 4 lsh),
// WRITE_WEIGHTS (1: also store the heads×n×n weights).
struct PatternParams {
  n: u32,
  heads: u32,
  causal: u32,
  window: u32,
  block: u32,
  globals: u32,
  scale: f32,
  pad: u32,
}

@group(0) @binding(0) var<uniform> params: PatternParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
// LSH: bucket[h·n + i] and chunk[h·n + i] (unused otherwise).
@group(0) @binding(4) var<storage, read> bucket: array<u32>;
@group(0) @binding(5) var<storage, read> chunk: array<u32>;
@group(0) @binding(6) var<storage, read_write> o: array<f32>;
@group(0) @binding(7) var<storage, read_write> weights: array<f32>;

const WG: u32 = 64u;

fn absdiff(a: u32, b: u32) -> u32 {
  return select(b - a, a - b, a >= b);
}

// The rule without LSH's self-masking step.
fn raw_allowed(h: u32, i: u32, j: u32) -> bool {
  if (params.causal != 0u && j > i) {
    return false;
  }
  let dist = absdiff(i, j);
  if (PATTERN == 0u) {
    return dist < params.window;
  }
  if (PATTERN == 1u) {
    return i / params.block == j / params.block;
  }
  if (PATTERN == 2u) {
    return dist < params.block || dist % params.block == 0u;
  }
  if (PATTERN == 3u) {
    return dist < params.window || i < params.globals || j < params.globals;
  }
  let n = params.n;
  let ci = chunk[h * n + i];
  let cj = chunk[h * n + j];
  return bucket[h * n + i] == bucket[h * n + j] && (cj == ci || cj + 1u == ci);
}

// Key j of head h: k_j, or for LSH the shared key q_j/‖q_j‖ (0 for a zero query).
fn score(h: u32, i: u32, j: u32) -> f32 {
  let n = params.n;
  let qb = (h * n + i) * DK;
  let kb = (h * n + j) * DK;
  var acc = 0.0;
  if (PATTERN == 4u) {
    var norm2 = 0.0;
    for (var t = 0u; t < DK; t++) {
      let x = q[kb + t];
      acc += q[qb + t] * x;
      norm2 += x * x;
    }
    let inv = select(0.0, inverseSqrt(norm2), norm2 > 0.0);
    return params.scale * acc * inv;
  }
  for (var t = 0u; t < DK; t++) {
    acc += q[qb + t] * k[kb + t];
  }
  return params.scale * acc;
}

@compute @workgroup_size(64)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let n = params.n;
  let id = (wid.x + wid.y * nwg.x) * WG + lid.x;
  if (id >= n * params.heads) {
    return;
  }
  let h = id / n;
  let i = id % n;
  // LSH: itself only when it has no other key.
  var self_ok = true;
  if (PATTERN == 4u) {
    for (var j = 0u; j < n; j++) {
      if (j != i && raw_allowed(h, i, j)) {
        self_ok = false;
        break;
      }
    }
  }
  var m = -1e30;
  for (var j = 0u; j < n; j++) {
    if (raw_allowed(h, i, j) && (j != i || self_ok)) {
      m = max(m, score(h, i, j));
    }
  }
  var sum = 0.0;
  for (var j = 0u; j < n; j++) {
    if (raw_allowed(h, i, j) && (j != i || self_ok)) {
      sum += exp(score(h, i, j) - m);
    }
  }
  let inv = select(0.0, 1.0 / sum, sum > 0.0);
  var acc: array<f32, DV>;
  for (var c = 0u; c < DV; c++) {
    acc[c] = 0.0;
  }
  let wb = (h * n + i) * n;
  for (var j = 0u; j < n; j++) {
    var w = 0.0;
    if (raw_allowed(h, i, j) && (j != i || self_ok)) {
      w = exp(score(h, i, j) - m) * inv;
      let vb = (h * n + j) * DV;
      for (var c = 0u; c < DV; c++) {
        acc[c] += w * v[vb + c];
      }
    }
    if (WRITE_WEIGHTS != 0u) {
      weights[wb + j] = w;
    }
  }
  let ob = (h * n + i) * DV;
  for (var c = 0u; c < DV; c++) {
    o[ob + c] = acc[c];
  }
}
