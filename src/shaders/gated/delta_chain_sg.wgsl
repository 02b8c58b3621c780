// Delta rule, chunk form (fast path), pass 3 of 4 with subgroup shuffles (DK = 16,
// 32 or 64): the sequential chain S_[c+1] = M_c S_[c] + B_c of delta_chain.wgsl
// with one barrier per chunk and no staging of M through workgroup memory.
// Four threads (consecutive lanes of one subgroup) share a row r of M_c: each
// holds DK/4 of its entries in Q = DK/16 vec4 registers, loaded two chunks ahead
// (two register sets alternate, so the loads' latency overlaps two steps), forms
// its part of (M_c S_[c])_r from the state column in workgroup memory, and two
// subgroupShuffleXor add the four parts. The state column is double-buffered
// (read one buffer, write the other), so a step needs a single barrier. CW =
// 64/DK value columns per workgroup of 256 threads. Each step replaces B_c in
// `states` by S_[c] (the state before chunk c); the last state goes to final_state.
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> trans: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> states: array<f32>;
@group(0) @binding(3) var<storage, read_write> final_state: array<f32>;

// One padding float after every 16: the four parts of a row read different banks.
const SP: u32 = DK + DK / 16u;
var<workgroup> sbuf: array<f32, 2u * CW * SP>;

struct MRow {
  a: vec4<f32>,
  b: vec4<f32>,
  c: vec4<f32>,
  d: vec4<f32>,
}

fn load_row(index: u32) -> MRow {
  var m: MRow;
  m.a = trans[index];
  if (Q > 1u) {
    m.b = trans[index + 1u];
  }
  if (Q > 2u) {
    m.c = trans[index + 2u];
    m.d = trans[index + 3u];
  }
  return m;
}

fn s4(base: u32) -> vec4<f32> {
  return vec4<f32>(sbuf[base], sbuf[base + 1u], sbuf[base + 2u], sbuf[base + 3u]);
}

// This thread's part of row r of M_c times the state column in buffer `at`, summed over the row's four threads.
fn row_dot(m: MRow, at: u32, p: u32) -> f32 {
  let base = at + sidx(p * (DK / 4u));
  var x = dot(m.a, s4(base));
  if (Q > 1u) {
    x += dot(m.b, s4(base + 4u));
  }
  if (Q > 2u) {
    x += dot(m.c, s4(base + 8u)) + dot(m.d, s4(base + 12u));
  }
  x += subgroupShuffleXor(x, 1u);
  x += subgroupShuffleXor(x, 2u);
  return x;
}

// Position of state element d (padded) in a column.
fn sidx(d: u32) -> u32 {
  return d + d / 16u;
}

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let head = wid.y;
  let tid = lid.x;
  let p = tid % 4u;
  let r = (tid / 4u) % DK;
  let cw = tid / (4u * DK);
  let col = wid.x * CW + cw;
  let live = col < DV;
  let writer = live && p == 0u;
  let nc = params.num_chunks;
  // vec4 index of this thread's part of row r of M_0 (a part is DK/4 floats).
  let m_base = (head * nc * DK * DK + r * DK + p * (DK / 4u)) / 4u;
  let m_step = DK * DK / 4u;
  let s_base = head * nc * DK * DV + r * DV + col;
  let s_step = DK * DV;
  let col0 = cw * SP;
  let col1 = (CW + cw) * SP;
  let mine = sidx(r);
  if (p == 0u) {
    sbuf[col0 + mine] = 0.0;
  }
  var ma = load_row(m_base);
  var mb: MRow;
  var ba = 0.0;
  var bb = 0.0;
  if (live) {
    ba = states[s_base];
  }
  if (nc > 1u) {
    mb = load_row(m_base + m_step);
    if (live) {
      bb = states[s_base + s_step];
    }
  }
  workgroupBarrier();
  for (var c = 0u; c < nc; c += 2u) {
    // Even chunk: read buffer 0, write buffer 1.
    var x = row_dot(ma, col0, p);
    if (writer) {
      states[s_base + c * s_step] = sbuf[col0 + mine];
      sbuf[col1 + mine] = x + ba;
    }
    if (c + 2u < nc) {
      ma = load_row(m_base + (c + 2u) * m_step);
      if (live) {
        ba = states[s_base + (c + 2u) * s_step];
      }
    }
    workgroupBarrier();
    if (c + 1u < nc) {
      // Odd chunk: read buffer 1, write buffer 0.
      x = row_dot(mb, col1, p);
      if (writer) {
        states[s_base + (c + 1u) * s_step] = sbuf[col1 + mine];
        sbuf[col0 + mine] = x + bb;
      }
      if (c + 3u < nc) {
        mb = load_row(m_base + (c + 3u) * m_step);
        if (live) {
          bb = states[s_base + (c + 3u) * s_step];
        }
      }
      workgroupBarrier();
    }
  }
  if (writer) {
    var last = col0;
    if (nc % 2u == 1u) {
      last = col1;
    }
    final_state[head * DK * DV + r * DV + col] = sbuf[last + mine];
  }
}
