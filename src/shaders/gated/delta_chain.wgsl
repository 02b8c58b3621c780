// Delta rule, chunk form (fast path), pass 3 of 4: the only sequential part,
//   S_[c+1] = M_c S_[c] + B_c   (M, B of delta_transition.wgsl),
// one small matrix product per chunk instead of C token steps. A workgroup owns
// CB value columns of one head's state (DK×CB in workgroup memory, one element
// per thread); M_c is staged in workgroup memory (row stride DK + 1: no bank
// conflicts) from registers. Two register sets alternate, each loaded two chunks
// ahead, so the global (often DRAM) latency of M and B overlaps two steps of
// the product instead of stalling every step. Each step replaces B_c in `states`
// by S_[c] (the state before chunk c, read by the output pass); the last state
// goes to final_state. PER = ⌈DK²/256⌉ staged elements of M per thread.
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> trans: array<f32>;
@group(0) @binding(2) var<storage, read_write> states: array<f32>;
@group(0) @binding(3) var<storage, read_write> final_state: array<f32>;

const MS: u32 = DK + 1u;
const DK4: u32 = DK / 4u * 4u;
var<workgroup> ms: array<f32, DK * MS>;
var<workgroup> s: array<f32, DK * CB>;

fn fetch(regs: ptr<function, array<f32, PER>>, base: u32, tid: u32) {
  for (var x = 0u; x < PER; x++) {
    let e = tid + x * 256u;
    if (e < DK * DK) {
      (*regs)[x] = trans[base + e];
    }
  }
}

fn stage(regs: ptr<function, array<f32, PER>>, tid: u32) {
  for (var x = 0u; x < PER; x++) {
    let e = tid + x * 256u;
    if (e < DK * DK) {
      ms[(e / DK) * MS + e % DK] = (*regs)[x];
    }
  }
}

// Row r of M_c times column cc of S_[c].
fn product(r: u32, cc: u32) -> f32 {
  let m_row = r * MS;
  var a0 = 0.0;
  var a1 = 0.0;
  var a2 = 0.0;
  var a3 = 0.0;
  for (var d = 0u; d < DK4; d += 4u) {
    a0 += ms[m_row + d] * s[d * CB + cc];
    a1 += ms[m_row + d + 1u] * s[(d + 1u) * CB + cc];
    a2 += ms[m_row + d + 2u] * s[(d + 2u) * CB + cc];
    a3 += ms[m_row + d + 3u] * s[(d + 3u) * CB + cc];
  }
  for (var d = DK4; d < DK; d++) {
    a0 += ms[m_row + d] * s[d * CB + cc];
  }
  return (a0 + a1) + (a2 + a3);
}

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let head = wid.y;
  let tid = lid.x;
  let r = tid / CB;
  let cc = tid % CB;
  let col = wid.x * CB + cc;
  let live = tid < DK * CB && col < DV;
  let nc = params.num_chunks;
  let t_base = head * nc * DK * DK;
  let s_base = head * nc * DK * DV + r * DV + col;
  let s_step = DK * DV;
  if (tid < DK * CB) {
    s[tid] = 0.0;
  }
  var ra: array<f32, PER>;
  var rb: array<f32, PER>;
  var ba = 0.0;
  var bb = 0.0;
  fetch(&ra, t_base, tid);
  if (live) {
    ba = states[s_base];
  }
  if (nc > 1u) {
    fetch(&rb, t_base + DK * DK, tid);
    if (live) {
      bb = states[s_base + s_step];
    }
  }
  for (var c = 0u; c < nc; c += 2u) {
    stage(&ra, tid);
    workgroupBarrier();
    var b_now = ba;
    if (c + 2u < nc) {
      fetch(&ra, t_base + (c + 2u) * DK * DK, tid);
      if (live) {
        ba = states[s_base + (c + 2u) * s_step];
      }
    }
    var acc = 0.0;
    if (live) {
      acc = b_now + product(r, cc);
      states[s_base + c * s_step] = s[r * CB + cc];
    }
    workgroupBarrier();
    if (live) {
      s[r * CB + cc] = acc;
    }
    if (c + 1u < nc) {
      stage(&rb, tid);
      workgroupBarrier();
      b_now = bb;
      if (c + 3u < nc) {
        fetch(&rb, t_base + (c + 3u) * DK * DK, tid);
        if (live) {
          bb = states[s_base + (c + 3u) * s_step];
        }
      }
      if (live) {
        acc = b_now + product(r, cc);
        states[s_base + (c + 1u) * s_step] = s[r * CB + cc];
      }
      workgroupBarrier();
      if (live) {
        s[r * CB + cc] = acc;
      }
    }
  }
  workgroupBarrier();
  if (live) {
    final_state[head * DK * DV + r * DV + col] = s[r * CB + cc];
  }
}
