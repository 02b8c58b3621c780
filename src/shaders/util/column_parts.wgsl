// Four consecutive subgroup lanes share one column of a state with DK rows
// (DK = 16, 32 or 64): lane p holds rows p·DK/4 … (p+1)·DK/4 − 1 in QV = DK/16
// vec4 registers (a Part; the unused vec4s stay zero), and column_dot adds the
// four lanes' parts of a dot product with two subgroupShuffleXor. Prepended to
// the recurrent kernels that keep their state this way (*/recurrent_sg.wgsl).
const LANES: u32 = 4u;
const QV: u32 = DK / 16u;
// vec4s in one staged row of DK floats.
const ROW4: u32 = DK / 4u;

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

// Lane p's Part of a staged row: QV consecutive vec4s from index `base` of the
// kernel's staged array number `which` (the kernel defines staged_vec).
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
