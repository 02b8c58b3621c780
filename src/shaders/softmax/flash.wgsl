// Softmax attention, flash form (FlashAttention-2 style), also used for `swa`:
// one workgroup owns BR query rows of one head, walks the key blocks of BC keys
// that those rows can see (causal: up to the diagonal block; window: from the
// block holding the first key of the window) and keeps the online-softmax state
// (running max m, partial denominator l, output accumulator) in registers. The
// n×n matrix is never written.
//
// Thread (tx, ty) of the 16×16 workgroup owns query rows ty + 16·i (i < RM),
// score columns tx + 16·j (j < CM) and output columns tx + 16·j (j < ON); the
// strided mapping keeps workgroup-memory reads free of bank conflicts.
// BR, BC come from the engine, chosen so the tiles fit the device's
// maxComputeWorkgroupStorageSize.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read_write> o: array<f32>;

const DK4: u32 = (DK + 3u) / 4u;
// One vec4 of padding per row spreads consecutive rows over different banks.
const KSTRIDE: u32 = DK4 + 1u;
const RM: u32 = BR / 16u;
const CM: u32 = BC / 16u;
const ON: u32 = (DV + 15u) / 16u;
const VSTRIDE: u32 = ON * 16u;
const PSTRIDE: u32 = BC + 1u;

var<workgroup> q_tile: array<vec4<f32>, BR * KSTRIDE>;
var<workgroup> k_tile: array<vec4<f32>, BC * KSTRIDE>;
var<workgroup> v_tile: array<f32, BC * VSTRIDE>;
var<workgroup> p_tile: array<f32, BR * PSTRIDE>;
var<workgroup> row_scratch: array<f32, BR * 16u>;

// Four consecutive features of row `base` (element index of its first feature),
// zero-padded past DK. WGSL cannot pass storage arrays by pointer portably, hence
// one function per buffer.
fn q4(base: u32, d4: u32) -> vec4<f32> {
  var out = vec4<f32>(0.0);
  for (var c = 0u; c < 4u; c++) {
    if (d4 * 4u + c < DK) {
      out[c] = q[base + d4 * 4u + c];
    }
  }
  return out;
}

fn k4(base: u32, d4: u32) -> vec4<f32> {
  var out = vec4<f32>(0.0);
  for (var c = 0u; c < 4u; c++) {
    if (d4 * 4u + c < DK) {
      out[c] = k[base + d4 * 4u + c];
    }
  }
  return out;
}

@compute @workgroup_size(16, 16)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let tx = lid.x;
  let ty = lid.y;
  let tid = ty * 16u + tx;
  let n = params.n;
  let head = wid.y;
  let q0 = wid.x * BR;
  let qk_base = head * n * DK;
  let v_base = head * n * DV;

  // Q tile, with the score scale folded in once.
  for (var e = tid; e < BR * DK4; e += 256u) {
    let r = e / DK4;
    let d4 = e % DK4;
    var val = vec4<f32>(0.0);
    if (q0 + r < n) {
      val = q4(qk_base + (q0 + r) * DK, d4) * params.scale;
    }
    q_tile[r * KSTRIDE + d4] = val;
  }

  var m: array<f32, RM>;
  var l: array<f32, RM>;
  var acc: array<f32, RM * ON>;
  for (var i = 0u; i < RM; i++) {
    m[i] = NEG_BIG;
    l[i] = 0.0;
    for (var j = 0u; j < ON; j++) {
      acc[i * ON + j] = 0.0;
    }
  }

  let q_last = min(q0 + BR, n) - 1u;
  var kb_end = (n + BC - 1u) / BC;
  if (params.causal != 0u) {
    kb_end = q_last / BC + 1u;
  }
  var kb_start = 0u;
  if (params.window != 0u && q0 + 1u > params.window) {
    kb_start = (q0 + 1u - params.window) / BC;
  }

  for (var kb = kb_start; kb < kb_end; kb++) {
    let k0 = kb * BC;
    // Everyone has finished reading the previous block's tiles.
    workgroupBarrier();
    for (var e = tid; e < BC * DK4; e += 256u) {
      let r = e / DK4;
      let d4 = e % DK4;
      var val = vec4<f32>(0.0);
      if (k0 + r < n) {
        val = k4(qk_base + (k0 + r) * DK, d4);
      }
      k_tile[r * KSTRIDE + d4] = val;
    }
    for (var e = tid; e < BC * VSTRIDE; e += 256u) {
      let r = e / VSTRIDE;
      let c = e % VSTRIDE;
      var val = 0.0;
      if (k0 + r < n && c < DV) {
        val = v[v_base + (k0 + r) * DV + c];
      }
      v_tile[e] = val;
    }
    workgroupBarrier();

    var s: array<f32, RM * CM>;
    for (var i = 0u; i < RM * CM; i++) {
      s[i] = 0.0;
    }
    for (var d4 = 0u; d4 < DK4; d4++) {
      var qv: array<vec4<f32>, RM>;
      for (var i = 0u; i < RM; i++) {
        qv[i] = q_tile[(ty + 16u * i) * KSTRIDE + d4];
      }
      for (var j = 0u; j < CM; j++) {
        let kv = k_tile[(tx + 16u * j) * KSTRIDE + d4];
        for (var i = 0u; i < RM; i++) {
          s[i * CM + j] += dot(qv[i], kv);
        }
      }
    }

    // Mask, then each thread's partial row max over its columns.
    for (var i = 0u; i < RM; i++) {
      let row = q0 + ty + 16u * i;
      var part = NEG_BIG;
      for (var j = 0u; j < CM; j++) {
        let key = k0 + tx + 16u * j;
        let ok = key < n && visible(row, key, params);
        s[i * CM + j] = select(NEG_BIG, s[i * CM + j], ok);
        part = max(part, s[i * CM + j]);
      }
      row_scratch[(ty + 16u * i) * 16u + tx] = part;
    }
    workgroupBarrier();

    for (var i = 0u; i < RM; i++) {
      let r = ty + 16u * i;
      let row = q0 + r;
      var m_new = m[i];
      for (var t = 0u; t < 16u; t++) {
        m_new = max(m_new, row_scratch[r * 16u + t]);
      }
      // Both maxima are finite (sentinel at worst), so alpha is exp of a value ≤ 0.
      let alpha = exp(m[i] - m_new);
      m[i] = m_new;
      var psum = 0.0;
      for (var j = 0u; j < CM; j++) {
        let key = k0 + tx + 16u * j;
        let ok = key < n && visible(row, key, params);
        let p = select(0.0, exp(s[i * CM + j] - m_new), ok);
        p_tile[r * PSTRIDE + tx + 16u * j] = p;
        psum += p;
      }
      l[i] = l[i] * alpha + psum;
      for (var j = 0u; j < ON; j++) {
        acc[i * ON + j] *= alpha;
      }
    }
    workgroupBarrier();

    for (var kk = 0u; kk < BC; kk++) {
      var vv: array<f32, ON>;
      for (var j = 0u; j < ON; j++) {
        vv[j] = v_tile[kk * VSTRIDE + tx + 16u * j];
      }
      for (var i = 0u; i < RM; i++) {
        let p = p_tile[(ty + 16u * i) * PSTRIDE + kk];
        for (var j = 0u; j < ON; j++) {
          acc[i * ON + j] += p * vv[j];
        }
      }
    }
  }

  // The denominator is the sum of the 16 partial sums of the threads sharing a row.
  workgroupBarrier();
  for (var i = 0u; i < RM; i++) {
    row_scratch[(ty + 16u * i) * 16u + tx] = l[i];
  }
  workgroupBarrier();
  for (var i = 0u; i < RM; i++) {
    let r = ty + 16u * i;
    let row = q0 + r;
    if (row < n) {
      var total = 0.0;
      for (var t = 0u; t < 16u; t++) {
        total += row_scratch[r * 16u + t];
      }
      let inv = select(0.0, 1.0 / total, total > 0.0);
      for (var j = 0u; j < ON; j++) {
        let c = tx + 16u * j;
        if (c < DV) {
          o[v_base + row * DV + c] = acc[i * ON + j] * inv;
        }
      }
    }
  }
}
