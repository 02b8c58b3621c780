// Four consecutive subgroup lanes share one column of a state with DK rows
// (DK = 16, 32 or 64): lane p holds rows p·DK/4 … (p+1)·DK/4 − 1 in QV = DK/16
// vec4 registers (a Part; the unused vec4s stay zero), and column_dot adds the
// four lanes' parts of a dot product with two subgroupShuffleXor. Prepended to
// the recurrent kernels that keep their state this way (*/recurrent_sg.wgsl).
const LANES: u32 = 4u;
// Value columns per workgroup of WG = 256 threads.
const COLS: u32 = 64u;
const WG: u32 = 256u;
const QV: u32 = DK / 16u;
// vec4s in one staged row of DK floats.
const ROW4: u32 = DK / 4u;

// TB tokens staged per tile (TB is the kernel's constant): q and k rows (through
// the kernel's stage_map) and the workgroup's COLS value columns.
var<workgroup> sq: array<vec4<f32>, TB * ROW4>;
var<workgroup> sk: array<vec4<f32>, TB * ROW4>;
var<workgroup> sv: array<f32, TB * COLS>;

struct Part {
  a: vec4<f32>,
  b: vec4<f32>,
  c: vec4<f32>,
  d: vec4<f32>,
}

fn zero_part() -> Part {
  return Part(vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0));
}

fn mul(x: Part, y: Part) -> Part {
  return Part(x.a * y.a, x.b * y.b, x.c * y.c, x.d * y.d);
}

fn add(x: Part, y: Part) -> Part {
  return Part(x.a + y.a, x.b + y.b, x.c + y.c, x.d + y.d);
}

// x + y·w
fn add_scaled(x: Part, y: Part, w: f32) -> Part {
  return Part(x.a + y.a * w, x.b + y.b * w, x.c + y.c * w, x.d + y.d * w);
}

// The column's x·y: this lane's part, summed over the four lanes of the column.
fn column_dot(x: Part, y: Part) -> f32 {
  var r = dot(x.a, y.a);
  if (QV > 1u) {
    r += dot(x.b, y.b);
  }
  if (QV > 2u) {
    r += dot(x.c, y.c) + dot(x.d, y.d);
  }
  r += subgroupShuffleXor(r, 1u);
  r += subgroupShuffleXor(r, 2u);
  return r;
}

// The i-th vec4 of a Part (i < QV).
fn part_get(x: Part, i: u32) -> vec4<f32> {
  switch i {
    case 0u: {
      return x.a;
    }
    case 1u: {
      return x.b;
    }
    case 2u: {
      return x.c;
    }
    default: {
      return x.d;
    }
  }
}

// Staged row vec4 i of q (which = 0) or k (which = 1).
fn staged_vec(which: u32, i: u32) -> vec4<f32> {
  if (which == 0u) {
    return sq[i];
  }
  return sk[i];
}

// Lane p's Part of a staged row: QV consecutive vec4s from index `base` of q
// (which = 0) or k (which = 1).
fn staged_part(which: u32, base: u32) -> Part {
  var x = zero_part();
  x.a = staged_vec(which, base);
  if (QV > 1u) {
    x.b = staged_vec(which, base + 1u);
  }
  if (QV > 2u) {
    x.c = staged_vec(which, base + 2u);
    x.d = staged_vec(which, base + 3u);
  }
  return x;
}

// Writes lane p's rows of column c of the kernel's DK×DV `state` (row-major) at `base`.
fn store_part_column(x: Part, p: u32, c: u32, base: u32) {
  for (var i = 0u; i < QV; i++) {
    let v = part_get(x, i);
    let row = p * QV * 4u + 4u * i;
    for (var j = 0u; j < 4u; j++) {
      state[base + (row + j) * DV + c] = v[j];
    }
  }
}

// Stages tokens t0 … t0 + TB − 1 of one head: q and k rows (through the kernel's
// stage_map: φ for linear attention, nothing for the gated family) into sq and sk,
// and the workgroup's COLS value columns into sv; q, k, v are the kernel's bindings. Fixed
// trip counts and no branches around the loads, so all of a thread's loads can be
// in flight at once. Tokens past n (count < TB) are staged as zeros, read from a
// clamped, valid address; the spare threads of a last round rewrite the last entry
// with the same value.
fn stage_qkv(li: u32, group: u32, head: u32, n: u32, t0: u32, count: u32) {
  let last = t0 + count - 1u;
  let qk_base = head * n * DK;
  for (var r = 0u; r < (TB * ROW4 + WG - 1u) / WG; r++) {
    let e = min(li + r * WG, TB * ROW4 - 1u);
    let tt = e / ROW4;
    let at = qk_base + min(t0 + tt, last) * DK + (e % ROW4) * 4u;
    let keep = tt < count;
    let qv = stage_map(vec4<f32>(q[at], q[at + 1u], q[at + 2u], q[at + 3u]));
    let kv = stage_map(vec4<f32>(k[at], k[at + 1u], k[at + 2u], k[at + 3u]));
    sq[e] = select(vec4<f32>(0.0), qv, keep);
    sk[e] = select(vec4<f32>(0.0), kv, keep);
  }
  for (var r = 0u; r < (TB * COLS + WG - 1u) / WG; r++) {
    let e = min(li + r * WG, TB * COLS - 1u);
    let tt = e / COLS;
    let col = group * COLS + e % COLS;
    let x = v[(head * n + min(t0 + tt, last)) * DV + min(col, DV - 1u)];
    sv[e] = select(0.0, x, tt < count && col < DV);
  }
}
