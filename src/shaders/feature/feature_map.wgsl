// Feature pass: φ of every row of q or k (heads×n×DK) into out (heads_out×n×R).
// One thread per (head, token). MAP selects the map (attention-math.md §5–11):
//   0 elementwise (FEATURE_MAP 0 elu+1, 1 relu, 2 identity; InLine, RALA), R = DK
//   1 Performer: m^{-1/2}·exp(w_f·x̃ − ‖x̃‖²/2 − shift), x̃ = DK^{-1/4}x, R = m
//   2 cosFormer: [relu(x) sin θ_t, relu(x) cos θ_t], θ_t = π(t+1)/(2M), R = 2DK
//   3 Based: [1, x/DK^{1/4}, vec(xxᵀ)/(√2·√DK)], R = 1 + DK + DK²
//   4 Hedgehog: [softmax(xW), softmax(−xW)] (max-subtracted), R = 2·PROJ_COLS
//   5 FLatten: ‖x⁺‖·y/‖y‖, y = (x⁺/max x⁺)^p, x⁺ = relu(x) + 1e-6, R = DK
// Performer's shift keeps every exp ≤ e^{headroom} (common.wgsl): for queries
// (IS_QUERY = 1) it is the row's own max(0, max_f arg_f − 20), written to row_shift so the finishing passes
// can undo it exactly (it cancels in the ratio except against eps, which they
// scale by e^{−shift}); for keys it is one constant per head, key_shift[head],
// because a per-key factor would not cancel. Rows of heads ≥ params.heads (InLine's
// second half) are e_0 = [1, 0, ...]: those heads then sum Σv and the count.
@group(0) @binding(0) var<uniform> params: FeatureParams;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> projection: array<f32>;
@group(0) @binding(3) var<storage, read> key_shift: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;
@group(0) @binding(5) var<storage, read_write> row_shift: array<f32>;

const PI: f32 = 3.14159265358979;

fn elementwise(v: f32) -> f32 {
  if (FEATURE_MAP == 0u) {
    return select(exp(min(v, 0.0)), v + 1.0, v > 0.0);
  }
  if (FEATURE_MAP == 1u) {
    return max(v, 0.0);
  }
  return v;
}

// w_f·x̃ − ‖x̃‖²/2 for Performer feature f of the row starting at x[base].
fn performer_arg(base: u32, f: u32, half_sq: f32) -> f32 {
  let input_scale = pow(f32(DK), -0.25);
  var dot = 0.0;
  for (var d = 0u; d < DK; d++) {
    dot += projection[f * DK + d] * (input_scale * x[base + d]);
  }
  return dot - half_sq;
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let id = row_id(gid, nwg);
  let n = params.n;
  if (id >= params.heads_out * n) {
    return;
  }
  let head = id / n;
  let t = id % n;
  let o = id * R;
  if (head >= params.heads) {
    out[o] = 1.0;
    for (var f = 1u; f < R; f++) {
      out[o + f] = 0.0;
    }
    return;
  }
  let base = (head * n + t) * DK;

  if (MAP == 0u) {
    for (var d = 0u; d < DK; d++) {
      out[o + d] = elementwise(x[base + d]);
    }
  } else if (MAP == 1u) {
    let input_scale = pow(f32(DK), -0.25);
    var half_sq = 0.0;
    for (var d = 0u; d < DK; d++) {
      let xs = input_scale * x[base + d];
      half_sq += xs * xs;
    }
    half_sq *= 0.5;
    var shift = 0.0;
    if (params.shifted != 0u) {
      if (IS_QUERY == 1u) {
        var largest = 0.0;
        for (var f = 0u; f < R; f++) {
          largest = max(largest, performer_arg(base, f, half_sq));
        }
        shift = max(largest - QUERY_HEADROOM, 0.0);
        row_shift[head * n + t] = shift;
      } else {
        shift = key_shift[head];
      }
    }
    let out_scale = inverseSqrt(f32(R));
    // The min only guards the key pass against rounding: arg − shift ≤ headroom by construction.
    var cap = QUERY_HEADROOM;
    if (IS_QUERY == 0u) {
      cap = KEY_HEADROOM;
    }
    for (var f = 0u; f < R; f++) {
      out[o + f] = out_scale * exp(min(performer_arg(base, f, half_sq) - shift, cap));
    }
  } else if (MAP == 2u) {
    let theta = PI * f32(t + 1u) / (2.0 * params.max_len);
    let s = sin(theta);
    let c = cos(theta);
    for (var d = 0u; d < DK; d++) {
      let relu = max(x[base + d], 0.0);
      out[o + d] = relu * s;
      out[o + DK + d] = relu * c;
    }
  } else if (MAP == 3u) {
    let linear = pow(f32(DK), -0.25);
    let quadratic = 1.0 / (sqrt(2.0) * sqrt(f32(DK)));
    out[o] = 1.0;
    for (var a = 0u; a < DK; a++) {
      let xa = x[base + a];
      out[o + 1u + a] = linear * xa;
      for (var b = 0u; b < DK; b++) {
        out[o + 1u + DK + a * DK + b] = quadratic * xa * x[base + b];
      }
    }
  } else if (MAP == 4u) {
    // y = xW into the first half as scratch, then both softmaxes from it.
    var y_max = -3.0e38;
    var y_min = 3.0e38;
    for (var c = 0u; c < PROJ_COLS; c++) {
      var dot = 0.0;
      for (var d = 0u; d < DK; d++) {
        dot += x[base + d] * projection[d * PROJ_COLS + c];
      }
      out[o + c] = dot;
      y_max = max(y_max, dot);
      y_min = min(y_min, dot);
    }
    var sum_pos = 0.0;
    var sum_neg = 0.0;
    for (var c = 0u; c < PROJ_COLS; c++) {
      let y = out[o + c];
      sum_pos += exp(y - y_max);
      sum_neg += exp(y_min - y);
    }
    for (var c = 0u; c < PROJ_COLS; c++) {
      let y = out[o + c];
      out[o + c] = exp(y - y_max) / sum_pos;
      out[o + PROJ_COLS + c] = exp(y_min - y) / sum_neg;
    }
  } else if (MAP == 5u) {
    var largest = 0.0;
    var norm_sq = 0.0;
    for (var d = 0u; d < DK; d++) {
      let shifted = max(x[base + d], 0.0) + 1e-6;
      largest = max(largest, shifted);
      norm_sq += shifted * shifted;
    }
    // Powers of ratios ≤ 1 (the largest is exactly 1), so ‖y‖ ≥ 1 and nothing under- or overflows into 0/0.
    var pow_norm_sq = 0.0;
    for (var d = 0u; d < DK; d++) {
      let y = pow((max(x[base + d], 0.0) + 1e-6) / largest, params.p);
      out[o + d] = y;
      pow_norm_sq += y * y;
    }
    let factor = sqrt(norm_sq) / sqrt(pow_norm_sq);
    for (var d = 0u; d < DK; d++) {
      out[o + d] *= factor;
    }
  }
  // Every binding is touched on every path so the 'auto' layout keeps them all.
  if (params.shifted == 2u) {
    row_shift[0] = key_shift[0] + projection[0];
  }
}
