// Linear attention, chunk form, pass 1: each chunk's own contribution to the state,
// ΔS_c = φ(K_c)ᵀV_c (dk×dv) and Δz_c = Σ_t φ(k_t) (dk), written to
// chunk_states[head][chunk] = [ΔS (row-major dk×dv), Δz]. One workgroup per
// (chunk, head); thread (tx, ty) owns state rows ty + 16·i and columns tx + 16·j.
// Tokens past n (the last chunk need not be full) count as φ = 0, v = 0.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> v: array<f32>;
@group(0) @binding(3) var<storage, read_write> chunk_states: array<f32>;

const SL: u32 = 16u;
const SR: u32 = (DK + 15u) / 16u;
const SN: u32 = (DV + 15u) / 16u;
const DKP: u32 = SR * 16u;
const DVP: u32 = SN * 16u;
const STATE_SIZE: u32 = DK * DV + DK;

var<workgroup> fk: array<f32, SL * DKP>;
var<workgroup> vs: array<f32, SL * DVP>;

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

  var acc: array<f32, SR * SN>;
  for (var i = 0u; i < SR * SN; i++) {
    acc[i] = 0.0;
  }
  var z_part = 0.0;

  for (var t0 = t_start; t0 < t_end; t0 += SL) {
    workgroupBarrier();
    for (var e = tid; e < SL * DKP; e += 256u) {
      let t = t0 + e / DKP;
      let d = e % DKP;
      var val = 0.0;
      if (t < t_end && d < DK) {
        val = phi(k[qk_base + t * DK + d]);
      }
      fk[e] = val;
    }
    for (var e = tid; e < SL * DVP; e += 256u) {
      let t = t0 + e / DVP;
      let c = e % DVP;
      var val = 0.0;
      if (t < t_end && c < DV) {
        val = v[v_base + t * DV + c];
      }
      vs[e] = val;
    }
    workgroupBarrier();
    for (var tt = 0u; tt < SL; tt++) {
      var vv: array<f32, SN>;
      for (var j = 0u; j < SN; j++) {
        vv[j] = vs[tt * DVP + tx + 16u * j];
      }
      for (var i = 0u; i < SR; i++) {
        let kd = fk[tt * DKP + ty + 16u * i];
        for (var j = 0u; j < SN; j++) {
          acc[i * SN + j] += kd * vv[j];
        }
      }
    }
    if (tid < DK) {
      for (var tt = 0u; tt < SL; tt++) {
        z_part += fk[tt * DKP + tid];
      }
    }
  }

  let out_base = (head * params.num_chunks + chunk) * STATE_SIZE;
  for (var i = 0u; i < SR; i++) {
    let d = ty + 16u * i;
    for (var j = 0u; j < SN; j++) {
      let c = tx + 16u * j;
      if (d < DK && c < DV) {
        chunk_states[out_base + d * DV + c] = acc[i * SN + j];
      }
    }
  }
  if (tid < DK) {
    chunk_states[out_base + DK * DV + tid] = z_part;
  }
}
