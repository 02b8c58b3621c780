// Linear attention, chunk form, pass 3: the outputs of one chunk (C = CHUNK rows):
//   num = φ(Q_c)S_[c] + (φ(Q_c)φ(K_c)ᵀ ⊙ M_C) V_c
//   den = φ(Q_c)·z_[c] + rowsum(φ(Q_c)φ(K_c)ᵀ ⊙ M_C)
//   o = num / (den + eps), divided once after the inter- and intra-chunk parts are
//   summed (normalising each part separately would be wrong).
// Non-causal: S_[c] is replaced by the total state and the intra part is skipped.
//
// Register tiling as in a matmul: thread (tx, ty) owns chunk rows 4·ty + 64·i .. +3,
// key columns 4·tx + 64·j .. +3 of the C×C block A, and output columns
// 4·tx + 64·j .. +3, so every inner step is two vec4 reads from workgroup memory
// for 16 multiply-adds. φ(Q), φ(K) are staged SL features at a time, transposed
// (feature-major) so that four consecutive rows are one vec4; one sweep over the
// features accumulates both A and φ(Q)S_[c], so φ(Q) is read once.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read> chunk_states: array<f32>;
@group(0) @binding(5) var<storage, read> final_state: array<f32>;
@group(0) @binding(6) var<storage, read_write> o: array<f32>;

const SL: u32 = 8u;
const RI: u32 = (CHUNK + 63u) / 64u;
const CP: u32 = RI * 64u;
// Row stride of the transposed tiles, in vec4, padded by one against bank conflicts.
const CP4S: u32 = CP / 4u + 1u;
const OJ: u32 = (DV + 63u) / 64u;
const DV4P: u32 = OJ * 16u;
const STATE_SIZE: u32 = DK * DV + DK;

var<workgroup> q_t: array<vec4<f32>, SL * CP4S>;
var<workgroup> k_t: array<vec4<f32>, SL * CP4S>;
// S slice (SL rows × DV) during the feature sweep, then V slices (SL keys × DV).
var<workgroup> rows_v: array<vec4<f32>, SL * DV4P>;
var<workgroup> z_slice: array<f32, SL>;
// A transposed: a_t[key][row / 4] holds rows 4·(row/4) .. +3 of column `key`.
var<workgroup> a_t: array<vec4<f32>, CP * CP4S>;
var<workgroup> row_scratch: array<f32, CP * 16u>;

fn phi_q(t: u32, d: u32, t_end: u32, base: u32) -> f32 {
  if (t < t_end && d < DK) {
    return phi(q[base + t * DK + d]);
  }
  return 0.0;
}

fn phi_k(t: u32, d: u32, t_end: u32, base: u32) -> f32 {
  if (t < t_end && d < DK) {
    return phi(k[base + t * DK + d]);
  }
  return 0.0;
}

fn value4(t: u32, c0: u32, t_end: u32, base: u32) -> vec4<f32> {
  var out = vec4<f32>(0.0);
  if (t < t_end) {
    for (var c = 0u; c < 4u; c++) {
      if (c0 + c < DV) {
        out[c] = v[base + t * DV + c0 + c];
      }
    }
  }
  return out;
}

fn state4(idx: u32, c0: u32, causal: bool) -> vec4<f32> {
  var out = vec4<f32>(0.0);
  for (var c = 0u; c < 4u; c++) {
    if (c0 + c < DV) {
      if (causal) {
        out[c] = chunk_states[idx + c];
      } else {
        out[c] = final_state[idx + c];
      }
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
  let chunk = wid.x;
  let head = wid.y;
  let t_start = chunk * CHUNK;
  let t_end = min(t_start + CHUNK, n);
  let qk_base = head * n * DK;
  let v_base = head * n * DV;
  let causal = params.causal != 0u;
  var state_base = (head * params.num_chunks + chunk) * STATE_SIZE;
  if (!causal) {
    state_base = head * STATE_SIZE;
  }

  // out[(i·4 + u)·OJ + j]: row 4·ty + 64·i + u, columns 4·tx + 64·j .. +3.
  var out: array<vec4<f32>, RI * 4u * OJ>;
  for (var x = 0u; x < RI * 4u * OJ; x++) {
    out[x] = vec4<f32>(0.0);
  }
  // a[(i·4 + u)·RI + j]: row 4·ty + 64·i + u, keys 4·tx + 64·j .. +3.
  var a: array<vec4<f32>, RI * 4u * RI>;
  for (var x = 0u; x < RI * 4u * RI; x++) {
    a[x] = vec4<f32>(0.0);
  }
  var den: array<f32, RI * 4u>;
  for (var x = 0u; x < RI * 4u; x++) {
    den[x] = 0.0;
  }

  for (var d0 = 0u; d0 < DK; d0 += SL) {
    workgroupBarrier();
    // Transposed staging: entry (d, r4) holds rows 4·r4 .. +3 of feature d0 + d.
    for (var e = tid; e < SL * (CP / 4u); e += 256u) {
      let d = e % SL;
      let r4 = e / SL;
      let t = t_start + 4u * r4;
      let in_chunk = 4u * r4 < CHUNK;
      var qv = vec4<f32>(0.0);
      var kv = vec4<f32>(0.0);
      for (var u = 0u; u < 4u; u++) {
        if (in_chunk && 4u * r4 + u < CHUNK) {
          qv[u] = phi_q(t + u, d0 + d, t_end, qk_base);
          kv[u] = phi_k(t + u, d0 + d, t_end, qk_base);
        }
      }
      q_t[d * CP4S + r4] = qv;
      k_t[d * CP4S + r4] = kv;
    }
    for (var e = tid; e < SL * DV4P; e += 256u) {
      let d = e / DV4P;
      let c4 = e % DV4P;
      var sv = vec4<f32>(0.0);
      if (d0 + d < DK) {
        sv = state4(state_base + (d0 + d) * DV + c4 * 4u, c4 * 4u, causal);
      }
      rows_v[e] = sv;
    }
    if (tid < SL) {
      var zd = 0.0;
      if (d0 + tid < DK) {
        if (causal) {
          zd = chunk_states[state_base + DK * DV + d0 + tid];
        } else {
          zd = final_state[state_base + DK * DV + d0 + tid];
        }
      }
      z_slice[tid] = zd;
    }
    workgroupBarrier();
    for (var d = 0u; d < SL; d++) {
      let zd = z_slice[d];
      var sv: array<vec4<f32>, OJ>;
      for (var j = 0u; j < OJ; j++) {
        sv[j] = rows_v[d * DV4P + tx + 16u * j];
      }
      var kv: array<vec4<f32>, RI>;
      for (var j = 0u; j < RI; j++) {
        kv[j] = k_t[d * CP4S + tx + 16u * j];
      }
      for (var i = 0u; i < RI; i++) {
        let qv = q_t[d * CP4S + ty + 16u * i];
        for (var u = 0u; u < 4u; u++) {
          den[i * 4u + u] += qv[u] * zd;
          for (var j = 0u; j < OJ; j++) {
            out[(i * 4u + u) * OJ + j] += qv[u] * sv[j];
          }
          if (causal) {
            for (var j = 0u; j < RI; j++) {
              a[(i * 4u + u) * RI + j] += qv[u] * kv[j];
            }
          }
        }
      }
    }
  }

  if (causal) {
    // Causal mask inside the chunk, partial row sums, A transposed to memory.
    for (var i = 0u; i < RI; i++) {
      for (var u = 0u; u < 4u; u++) {
        let r = 4u * ty + 64u * i + u;
        var part = 0.0;
        for (var j = 0u; j < RI; j++) {
          let key0 = 4u * tx + 64u * j;
          var masked = a[(i * 4u + u) * RI + j];
          for (var c = 0u; c < 4u; c++) {
            if (key0 + c > r) {
              masked[c] = 0.0;
            }
          }
          a[(i * 4u + u) * RI + j] = masked;
          part += masked.x + masked.y + masked.z + masked.w;
        }
        row_scratch[r * 16u + tx] = part;
      }
      for (var j = 0u; j < RI; j++) {
        for (var c = 0u; c < 4u; c++) {
          let key = 4u * tx + 64u * j + c;
          a_t[key * CP4S + ty + 16u * i] = vec4<f32>(
            a[(i * 4u + 0u) * RI + j][c],
            a[(i * 4u + 1u) * RI + j][c],
            a[(i * 4u + 2u) * RI + j][c],
            a[(i * 4u + 3u) * RI + j][c],
          );
        }
      }
    }
    workgroupBarrier();
    for (var i = 0u; i < RI; i++) {
      for (var u = 0u; u < 4u; u++) {
        let r = 4u * ty + 64u * i + u;
        var total = 0.0;
        for (var t = 0u; t < 16u; t++) {
          total += row_scratch[r * 16u + t];
        }
        den[i * 4u + u] += total;
      }
    }
    // out += A·V_c over key slices (keys beyond the chunk have zero columns in A).
    let key_end = min(CP, ((CHUNK + SL - 1u) / SL) * SL);
    for (var j0 = 0u; j0 < key_end; j0 += SL) {
      workgroupBarrier();
      for (var e = tid; e < SL * DV4P; e += 256u) {
        let kk = e / DV4P;
        let c4 = e % DV4P;
        var vv = vec4<f32>(0.0);
        if (j0 + kk < CHUNK) {
          vv = value4(t_start + j0 + kk, c4 * 4u, t_end, v_base);
        }
        rows_v[e] = vv;
      }
      workgroupBarrier();
      for (var kk = 0u; kk < SL; kk++) {
        var vv: array<vec4<f32>, OJ>;
        for (var j = 0u; j < OJ; j++) {
          vv[j] = rows_v[kk * DV4P + tx + 16u * j];
        }
        for (var i = 0u; i < RI; i++) {
          let av = a_t[(j0 + kk) * CP4S + ty + 16u * i];
          for (var u = 0u; u < 4u; u++) {
            for (var j = 0u; j < OJ; j++) {
              out[(i * 4u + u) * OJ + j] += av[u] * vv[j];
            }
          }
        }
      }
    }
  }

  for (var i = 0u; i < RI; i++) {
    for (var u = 0u; u < 4u; u++) {
      let r = 4u * ty + 64u * i + u;
      let t = t_start + r;
      if (r < CHUNK && t < t_end) {
        var scale = 1.0;
        if (params.normalize != 0u) {
          scale = 1.0 / (den[i * 4u + u] + params.eps);
        }
        for (var j = 0u; j < OJ; j++) {
          let c0 = 4u * tx + 64u * j;
          let value = out[(i * 4u + u) * OJ + j] * scale;
          for (var c = 0u; c < 4u; c++) {
            if (c0 + c < DV) {
              o[v_base + t * DV + c0 + c] = value[c];
            }
          }
        }
      }
    }
  }
}
