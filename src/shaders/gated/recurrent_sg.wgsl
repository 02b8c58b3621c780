// Recurrent form, token by token, for DK = 16, 32 or 64 on devices with
// subgroups (the engine picks recurrent.wgsl otherwise, and for weights()).
// The same recurrences as recurrent.wgsl:
//   RWKV-6:  o_t = scale·q_t(S + diag(u)k_tᵀv_t), then S = diag(e^{g_t})S + k_tᵀv_t
//   decay:   S = diag(e^{g_t})S + k_tᵀv_t, o_t = scale·q_t S
//   delta:   S = e^{g_t}S, S += β_t k_tᵀ(v_t − k_t S), o_t = scale·q_t S
// Why another kernel: the step is a chain over t, so what matters is the
// latency of one step. recurrent.wgsl gives one thread a whole column of S
// (DK floats in a private array, which the compiler may keep in memory, not
// registers) and reads q_t, k_t, v_t and the gates from storage inside the step.
// Here four consecutive lanes of one subgroup share a column: each holds DK/4
// rows in QV vec4 registers, and two subgroupShuffleXor add the four parts of a
// dot product (util/column_parts.wgsl, prepended). TB tokens of q, k, v, the decays e^{g} (exponentiated once per
// element, not once per thread) and β are staged in workgroup memory, so a step
// reads only workgroup memory and registers; a barrier every TB tokens.
// COLS = 64 value columns per workgroup of 256 threads.
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read> g: array<f32>;
@group(0) @binding(5) var<storage, read> beta: array<f32>;
@group(0) @binding(6) var<storage, read> bonus: array<f32>;
@group(0) @binding(7) var<storage, read_write> o: array<f32>;
@group(0) @binding(8) var<storage, read_write> state: array<f32>;

// Decay factors e^{g}: CH per token (1 or DK).
var<workgroup> sa: array<f32, TB * CH>;
var<workgroup> sb: array<f32, TB>;

// column_parts.wgsl: q and k are staged as they are.
fn stage_map(x: vec4<f32>) -> vec4<f32> {
  return x;
}

// RWKV-6's u for rows row … row + 3 (zero past DK: those vec4s are unused).
fn bonus4(head: u32, row: u32) -> vec4<f32> {
  if (row >= DK) {
    return vec4<f32>(0.0);
  }
  let r = head * DK + row;
  return vec4<f32>(bonus[r], bonus[r + 1u], bonus[r + 2u], bonus[r + 3u]);
}

fn decay4(tt: u32, row: u32) -> vec4<f32> {
  let i = tt * CH + row;
  return vec4<f32>(sa[i], sa[i + 1u], sa[i + 2u], sa[i + 3u]);
}

// The decays of this lane's rows: the token's one factor, or one per channel.
fn load_decay(tt: u32, p: u32) -> Part {
  if (CH == 1u) {
    let a = vec4<f32>(sa[tt]);
    return Part(a, a, a, a);
  }
  let row = p * QV * 4u;
  var x = zero_part();
  x.a = decay4(tt, row);
  if (QV > 1u) {
    x.b = decay4(tt, row + 4u);
  }
  if (QV > 2u) {
    x.c = decay4(tt, row + 8u);
    x.d = decay4(tt, row + 12u);
  }
  return x;
}

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) li: u32, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let head = wid.y;
  let p = li % LANES;
  let c = wid.x * COLS + li / LANES;
  // Lanes past the last column run the steps on zeros (the shuffles and barriers
  // need every lane) and write nothing.
  let has_col = c < DV;
  let first_row = p * QV * 4u;

  var u = zero_part();
  if (BONUS == 1u) {
    u = Part(
      bonus4(head, first_row),
      bonus4(head, first_row + 4u),
      bonus4(head, first_row + 8u),
      bonus4(head, first_row + 12u),
    );
  }

  var s = zero_part();
  for (var t0 = 0u; t0 < n; t0 += TB) {
    workgroupBarrier();
    let count = min(TB, n - t0);
    stage_qkv(li, wid.x, head, n, t0, count);
    // The decays (1 past n) and β (0 past n), as stage_qkv stages q, k, v.
    let last = t0 + count - 1u;
    for (var r = 0u; r < (TB * CH + WG - 1u) / WG; r++) {
      let e = min(li + r * WG, TB * CH - 1u);
      let tt = e / CH;
      let a = decay(g[gate_index(head, min(t0 + tt, last), e % CH, n)]);
      sa[e] = select(1.0, a, tt < count);
    }
    if (DELTA == 1u && li < TB) {
      var b = 0.0;
      if (li < count) {
        b = beta[head * n + t0 + li];
      }
      sb[li] = b;
    }
    workgroupBarrier();
    // All TB steps, also those past n: their staged q, k, v, β are zero and their
    // decays 1, so they leave S as it is; only their outputs are not written. A
    // fixed trip count lets the compiler unroll and overlap the steps' loads and
    // output sums with the chain through S.
    for (var tt = 0u; tt < TB; tt++) {
      let t = t0 + tt;
      let qt = staged_part(0u, tt * ROW4 + p * QV);
      let kt = staged_part(1u, tt * ROW4 + p * QV);
      let vt = sv[tt * COLS + li / LANES];
      var out = 0.0;
      if (BONUS == 1u) {
        out = column_dot(qt, add_scaled(s, mul(u, kt), vt));
      }
      s = mul(s, load_decay(tt, p));
      var write = vt;
      if (DELTA == 1u) {
        write = sb[tt] * (vt - column_dot(kt, s));
      }
      s = add_scaled(s, kt, write);
      if (BONUS == 0u) {
        out = column_dot(qt, s);
      }
      if (has_col && p == 0u && tt < count) {
        o[(head * n + t) * DV + c] = params.scale * out;
      }
    }
  }
  if (has_col) {
    store_part_column(s, p, c, head * DK * DV);
  }
}
