// Softmax attention, flash form (FlashAttention-2 style), also used for `swa`:
// one workgroup owns BR query rows of one head, walks the key blocks of BC keys
// that those rows can see (causal: up to the diagonal block; window: from the
// block holding the first key of the window) and keeps the online-softmax state
// (running max m, partial denominator l, output accumulator) in registers. The
// n×n matrix is never written.
//
// Thread (tx, ty) of the 16×16 workgroup owns query rows ty + 16·i (i < RM),
// score columns (keys) tx + 16·j (j < CM) and output columns 4·tx + 64·j .. +3
// (j < ON4, as vec4). The strided row/key mapping keeps workgroup-memory reads
// free of bank conflicts; vec4 reads of V cut the load instructions of P·V.
// Scores are kept in the log2 domain (q pre-multiplied by scale·log2 e) so every
// exponential is one exp2.
// BR, BC come from the engine, chosen so the tiles fit the device's
// maxComputeWorkgroupStorageSize. With SUBGROUP_ROWS (subgroups of ≥ 16 lanes)
// the 16 threads sharing a row reduce its max with shuffles instead of memory.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read_write> o: array<f32>;

const LOG2E: f32 = 1.4426950408889634;
const DK4: u32 = (DK + 3u) / 4u;
// One vec4 of padding per row spreads consecutive rows over different banks.
const KSTRIDE: u32 = DK4 + 1u;
const RM: u32 = BR / 16u;
const CM: u32 = BC / 16u;
const ON4: u32 = (DV + 63u) / 64u;
const VS4: u32 = ON4 * 16u;
const PSTRIDE: u32 = BC + 1u;

var<workgroup> q_tile: array<vec4<f32>, BR * KSTRIDE>;
var<workgroup> k_tile: array<vec4<f32>, BC * KSTRIDE>;
var<workgroup> v_tile: array<vec4<f32>, BC * VS4>;
var<workgroup> p_tile: array<f32, BR * PSTRIDE>;
var<workgroup> row_scratch: array<f32, BR * 16u>;

// Four consecutive features of the row starting at element `base`, zero past DK.
// WGSL cannot pass storage arrays by pointer portably, hence one function per buffer.
fn q4(base: u32, d4: u32) -> vec4<f32> {
  if (DK % 4u == 0u) {
    return vec4<f32>(q[base + d4 * 4u], q[base + d4 * 4u + 1u], q[base + d4 * 4u + 2u], q[base + d4 * 4u + 3u]);
  }
  var out = vec4<f32>(0.0);
  for (var c = 0u; c < 4u; c++) {
    if (d4 * 4u + c < DK) {
      out[c] = q[base + d4 * 4u + c];
    }
  }
  return out;
}

fn k4(base: u32, d4: u32) -> vec4<f32> {
  if (DK % 4u == 0u) {
    return vec4<f32>(k[base + d4 * 4u], k[base + d4 * 4u + 1u], k[base + d4 * 4u + 2u], k[base + d4 * 4u + 3u]);
  }
  var out = vec4<f32>(0.0);
  for (var c = 0u; c < 4u; c++) {
    if (d4 * 4u + c < DK) {
      out[c] = k[base + d4 * 4u + c];
    }
  }
  return out;
}

fn v4(base: u32, c0: u32) -> vec4<f32> {
  var out = vec4<f32>(0.0);
  for (var c = 0u; c < 4u; c++) {
    if (c0 + c < DV) {
      out[c] = v[base + c0 + c];
    }
  }
  return out;
}

// Max over the 16 threads (tx = 0..15) that share a row.
fn row_max(part: f32, r: u32, tx: u32) -> f32 {
//#if SUBGROUP_ROWS
  var x = part;
  x = max(x, subgroupShuffleXor(x, 1u));
  x = max(x, subgroupShuffleXor(x, 2u));
  x = max(x, subgroupShuffleXor(x, 4u));
  x = max(x, subgroupShuffleXor(x, 8u));
  return x;
//#else
  var x = NEG_BIG;
  for (var t = 0u; t < 16u; t++) {
    x = max(x, row_scratch[r * 16u + t]);
  }
  return x;
//#endif
}

@compute @workgroup_size(16, 16)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let tx = lid.x;
  let ty = lid.y;
  let tid = ty * 16u + tx;
  let n = params.n;
  let head = wid.y;
  // With one head, causal rows near the end see the most keys: hand those out first,
  // so the longest workgroups do not start last and leave the GPU idle while they
  // finish (on the H100: n = 16384, H = 1 went from 3.3 to 2.2 ms). With many heads
  // the plain order measured faster, so the engine sets REVERSE_BLOCKS only for H = 1.
  var q_block = wid.x;
  if (REVERSE_BLOCKS != 0u) {
    q_block = nwg.x - 1u - wid.x;
  }
  let q0 = q_block * BR;
  let qk_base = head * n * DK;
  let v_base = head * n * DV;

  // Q tile, with the score scale (and log2 e) folded in once.
  let q_scale = params.scale * LOG2E;
  for (var e = tid; e < BR * DK4; e += 256u) {
    let r = e / DK4;
    let d4 = e % DK4;
    var val = vec4<f32>(0.0);
    if (q0 + r < n) {
      val = q4(qk_base + (q0 + r) * DK, d4) * q_scale;
    }
    q_tile[r * KSTRIDE + d4] = val;
  }

  var m: array<f32, RM>;
  var l: array<f32, RM>;
  var acc: array<vec4<f32>, RM * ON4>;
  for (var i = 0u; i < RM; i++) {
    m[i] = NEG_BIG;
    l[i] = 0.0;
    for (var j = 0u; j < ON4; j++) {
      acc[i * ON4 + j] = vec4<f32>(0.0);
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
    // Every query row of the tile sees every key of the block: no mask needed.
    let full_block = k0 + BC <= n && (params.causal == 0u || k0 + BC - 1u <= q0) &&
      (params.window == 0u || k0 + params.window > q0 + BR - 1u);
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
    for (var e = tid; e < BC * VS4; e += 256u) {
      let r = e / VS4;
      let c4 = e % VS4;
      var val = vec4<f32>(0.0);
      if (k0 + r < n) {
        val = v4(v_base + (k0 + r) * DV, c4 * 4u);
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

    // Mask (only in blocks that need it), then each thread's partial row max.
    var part: array<f32, RM>;
    for (var i = 0u; i < RM; i++) {
      let row = q0 + ty + 16u * i;
      var pm = NEG_BIG;
      for (var j = 0u; j < CM; j++) {
        let key = k0 + tx + 16u * j;
        let ok = full_block || (key < n && visible(row, key, params));
        s[i * CM + j] = select(NEG_BIG, s[i * CM + j], ok);
        pm = max(pm, s[i * CM + j]);
      }
      part[i] = pm;
//#if !SUBGROUP_ROWS
      row_scratch[(ty + 16u * i) * 16u + tx] = pm;
//#endif
    }
//#if !SUBGROUP_ROWS
    workgroupBarrier();
//#endif

    for (var i = 0u; i < RM; i++) {
      let r = ty + 16u * i;
      let row = q0 + r;
      let m_new = max(m[i], row_max(part[i], r, tx));
      // Both maxima are finite (sentinel at worst), so alpha is exp2 of a value ≤ 0.
      let alpha = exp2(m[i] - m_new);
      m[i] = m_new;
      var psum = 0.0;
      for (var j = 0u; j < CM; j++) {
        let key = k0 + tx + 16u * j;
        let ok = full_block || (key < n && visible(row, key, params));
        let p = select(0.0, exp2(s[i * CM + j] - m_new), ok);
        p_tile[r * PSTRIDE + tx + 16u * j] = p;
        psum += p;
      }
      l[i] = l[i] * alpha + psum;
      for (var j = 0u; j < ON4; j++) {
        acc[i * ON4 + j] *= alpha;
      }
    }
    workgroupBarrier();

    for (var kk = 0u; kk < BC; kk++) {
      var vv: array<vec4<f32>, ON4>;
      for (var j = 0u; j < ON4; j++) {
        vv[j] = v_tile[kk * VS4 + tx + 16u * j];
      }
      for (var i = 0u; i < RM; i++) {
        let p = p_tile[(ty + 16u * i) * PSTRIDE + kk];
        for (var j = 0u; j < ON4; j++) {
          acc[i * ON4 + j] += p * vv[j];
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
      for (var j = 0u; j < ON4; j++) {
        let out = acc[i * ON4 + j] * inv;
        let c0 = 4u * (tx + 16u * j);
        for (var c = 0u; c < 4u; c++) {
          if (c0 + c < DV) {
            o[v_base + row * DV + c0 + c] = out[c];
          }
        }
      }
    }
  }
}
