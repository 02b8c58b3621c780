// Linear attention, chunk form, pass 1: each chunk's own contribution to the state,
// ΔS_c = φ(K_c)ᵀV_c (dk×dv) and Δz_c = Σ_t φ(k_t) (dk), written to
// chunk_states[head][chunk] = [ΔS (row-major dk×dv), Δz]. One workgroup per
// (chunk, head). Register tiling as in a matmul: thread (tx, ty) owns state rows
// (features) 4·ty + 64·i .. +3 and columns 4·tx + 64·j .. +3; per token it reads
// one vec4 of φ(k) and one vec4 of v for 16 multiply-adds.
// Tokens past n (the last chunk need not be full) count as φ = 0, v = 0.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> v: array<f32>;
@group(0) @binding(3) var<storage, read_write> chunk_states: array<f32>;

const TS: u32 = 16u;
const DI: u32 = (DK + 63u) / 64u;
const DK4P: u32 = DI * 16u;
const OJ: u32 = (DV + 63u) / 64u;
const DV4P: u32 = OJ * 16u;
const STATE_SIZE: u32 = DK * DV + DK;

var<workgroup> k_rows: array<vec4<f32>, TS * DK4P>;
var<workgroup> v_rows: array<vec4<f32>, TS * DV4P>;

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

  // acc[(i·4 + u)·OJ + j]: feature 4·ty + 64·i + u, columns 4·tx + 64·j .. +3.
  var acc: array<vec4<f32>, DI * 4u * OJ>;
  for (var x = 0u; x < DI * 4u * OJ; x++) {
    acc[x] = vec4<f32>(0.0);
  }
  var z_part = vec4<f32>(0.0);

  for (var t0 = t_start; t0 < t_end; t0 += TS) {
    workgroupBarrier();
    for (var e = tid; e < TS * DK4P; e += 256u) {
      let t = t0 + e / DK4P;
      let d0 = (e % DK4P) * 4u;
      var val = vec4<f32>(0.0);
      if (t < t_end) {
        for (var c = 0u; c < 4u; c++) {
          if (d0 + c < DK) {
            val[c] = phi(k[qk_base + t * DK + d0 + c]);
          }
        }
      }
      k_rows[e] = val;
    }
    for (var e = tid; e < TS * DV4P; e += 256u) {
      let t = t0 + e / DV4P;
      let c0 = (e % DV4P) * 4u;
      var val = vec4<f32>(0.0);
      if (t < t_end) {
        for (var c = 0u; c < 4u; c++) {
          if (c0 + c < DV) {
            val[c] = v[v_base + t * DV + c0 + c];
          }
        }
      }
      v_rows[e] = val;
    }
    workgroupBarrier();
    for (var tt = 0u; tt < TS; tt++) {
      var vv: array<vec4<f32>, OJ>;
      for (var j = 0u; j < OJ; j++) {
        vv[j] = v_rows[tt * DV4P + tx + 16u * j];
      }
      for (var i = 0u; i < DI; i++) {
        let kv = k_rows[tt * DK4P + ty + 16u * i];
        for (var u = 0u; u < 4u; u++) {
          for (var j = 0u; j < OJ; j++) {
            acc[(i * 4u + u) * OJ + j] += kv[u] * vv[j];
          }
        }
      }
    }
    if (tid < DK4P) {
      for (var tt = 0u; tt < TS; tt++) {
        z_part += k_rows[tt * DK4P + tid];
      }
    }
  }

  let out_base = (head * params.num_chunks + chunk) * STATE_SIZE;
  for (var i = 0u; i < DI; i++) {
    for (var u = 0u; u < 4u; u++) {
      let d = 4u * ty + 64u * i + u;
      if (d < DK) {
        for (var j = 0u; j < OJ; j++) {
          let c0 = 4u * tx + 64u * j;
          for (var c = 0u; c < 4u; c++) {
            if (c0 + c < DV) {
              chunk_states[out_base + d * DV + c0 + c] = acc[(i * 4u + u) * OJ + j][c];
            }
          }
        }
      }
    }
  }
  if (tid < DK4P) {
    for (var c = 0u; c < 4u; c++) {
      if (tid * 4u + c < DK) {
        chunk_states[out_base + DK * DV + tid * 4u + c] = z_part[c];
      }
    }
  }
}
