// Linear attention, chunk form, pass 3: the outputs of one chunk (C = CHUNK rows):
//   num = φ(Q_c)S_[c] + (φ(Q_c)φ(K_c)ᵀ ⊙ M_C) V_c
//   den = φ(Q_c)·z_[c] + rowsum(φ(Q_c)φ(K_c)ᵀ ⊙ M_C)
//   o = num / (den + eps), divided once after the inter- and intra-chunk parts are
//   summed (normalising each part separately would be wrong).
// Non-causal: S_[c] is replaced by the total state and the intra part is skipped.
// Thread (tx, ty) owns chunk rows ty + 16·i, key columns tx + 16·j of the C×C
// block A, and output columns tx + 16·j. Features are staged SL at a time so the
// workgroup memory stays at C·(C+1) + small slices (fits 32 KiB for C = 64).
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read> chunk_states: array<f32>;
@group(0) @binding(5) var<storage, read> final_state: array<f32>;
@group(0) @binding(6) var<storage, read_write> o: array<f32>;

const SL: u32 = 16u;
const CR: u32 = (CHUNK + 15u) / 16u;
const CP: u32 = CR * 16u;
const ON: u32 = (DV + 15u) / 16u;
const DVP: u32 = ON * 16u;
const STATE_SIZE: u32 = DK * DV + DK;
const ASTRIDE: u32 = CP + 1u;
// Slices: [φQ slice (CP×SL) | φK slice (CP×SL) or V slice (SL×DVP) or S slice (SL×DVP)].
const SLICE_B: u32 = max(CP * SL, SL * DVP);
const STAGE: u32 = CP * SL + SLICE_B;

var<workgroup> stage: array<f32, STAGE>;
var<workgroup> a_tile: array<f32, CP * ASTRIDE>;
var<workgroup> row_scratch: array<f32, CP * 16u>;

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

  var out: array<f32, CR * ON>;
  for (var i = 0u; i < CR * ON; i++) {
    out[i] = 0.0;
  }
  var den: array<f32, CR>;
  for (var i = 0u; i < CR; i++) {
    den[i] = 0.0;
  }

  if (causal) {
    // Intra-chunk: A = φ(Q_c)φ(K_c)ᵀ, accumulated over feature slices.
    var a: array<f32, CR * CR>;
    for (var i = 0u; i < CR * CR; i++) {
      a[i] = 0.0;
    }
    for (var d0 = 0u; d0 < DK; d0 += SL) {
      workgroupBarrier();
      for (var e = tid; e < CP * SL; e += 256u) {
        let r = e / SL;
        let d = d0 + e % SL;
        let t = t_start + r;
        var qv = 0.0;
        var kv = 0.0;
        if (r < CHUNK && t < t_end && d < DK) {
          qv = phi(q[qk_base + t * DK + d]);
          kv = phi(k[qk_base + t * DK + d]);
        }
        stage[e] = qv;
        stage[CP * SL + e] = kv;
      }
      workgroupBarrier();
      for (var dd = 0u; dd < SL; dd++) {
        var kk: array<f32, CR>;
        for (var j = 0u; j < CR; j++) {
          kk[j] = stage[CP * SL + (tx + 16u * j) * SL + dd];
        }
        for (var i = 0u; i < CR; i++) {
          let qd = stage[(ty + 16u * i) * SL + dd];
          for (var j = 0u; j < CR; j++) {
            a[i * CR + j] += qd * kk[j];
          }
        }
      }
    }
    // Causal mask inside the chunk, row sums (part of the denominator), A to memory.
    for (var i = 0u; i < CR; i++) {
      let r = ty + 16u * i;
      var part = 0.0;
      for (var j = 0u; j < CR; j++) {
        let c = tx + 16u * j;
        let value = select(0.0, a[i * CR + j], c <= r);
        a_tile[r * ASTRIDE + c] = value;
        part += value;
      }
      row_scratch[r * 16u + tx] = part;
    }
    workgroupBarrier();
    for (var i = 0u; i < CR; i++) {
      let r = ty + 16u * i;
      var total = 0.0;
      for (var t = 0u; t < 16u; t++) {
        total += row_scratch[r * 16u + t];
      }
      den[i] = total;
    }
    // out = A·V_c, over key slices.
    for (var j0 = 0u; j0 < CP; j0 += SL) {
      workgroupBarrier();
      for (var e = tid; e < SL * DVP; e += 256u) {
        let r = j0 + e / DVP;
        let c = e % DVP;
        let t = t_start + r;
        var val = 0.0;
        if (r < CHUNK && t < t_end && c < DV) {
          val = v[v_base + t * DV + c];
        }
        stage[CP * SL + e] = val;
      }
      workgroupBarrier();
      for (var jj = 0u; jj < SL; jj++) {
        var vv: array<f32, ON>;
        for (var j = 0u; j < ON; j++) {
          vv[j] = stage[CP * SL + jj * DVP + tx + 16u * j];
        }
        for (var i = 0u; i < CR; i++) {
          let av = a_tile[(ty + 16u * i) * ASTRIDE + j0 + jj];
          for (var j = 0u; j < ON; j++) {
            out[i * ON + j] += av * vv[j];
          }
        }
      }
    }
  } else {
    state_base = head * STATE_SIZE;
  }

  // Inter-chunk: φ(Q_c)·S_[c] and φ(Q_c)·z_[c], over feature slices.
  for (var d0 = 0u; d0 < DK; d0 += SL) {
    workgroupBarrier();
    for (var e = tid; e < CP * SL; e += 256u) {
      let r = e / SL;
      let d = d0 + e % SL;
      let t = t_start + r;
      var qv = 0.0;
      if (r < CHUNK && t < t_end && d < DK) {
        qv = phi(q[qk_base + t * DK + d]);
      }
      stage[e] = qv;
    }
    for (var e = tid; e < SL * DVP; e += 256u) {
      let d = d0 + e / DVP;
      let c = e % DVP;
      var val = 0.0;
      if (d < DK && c < DV) {
        if (causal) {
          val = chunk_states[state_base + d * DV + c];
        } else {
          val = final_state[state_base + d * DV + c];
        }
      }
      stage[CP * SL + e] = val;
    }
    workgroupBarrier();
    for (var dd = 0u; dd < SL; dd++) {
      let d = d0 + dd;
      var zd = 0.0;
      if (d < DK) {
        if (causal) {
          zd = chunk_states[state_base + DK * DV + d];
        } else {
          zd = final_state[state_base + DK * DV + d];
        }
      }
      var ss: array<f32, ON>;
      for (var j = 0u; j < ON; j++) {
        ss[j] = stage[CP * SL + dd * DVP + tx + 16u * j];
      }
      for (var i = 0u; i < CR; i++) {
        let qd = stage[(ty + 16u * i) * SL + dd];
        den[i] += qd * zd;
        for (var j = 0u; j < ON; j++) {
          out[i * ON + j] += qd * ss[j];
        }
      }
    }
  }

  for (var i = 0u; i < CR; i++) {
    let r = ty + 16u * i;
    let t = t_start + r;
    if (r < CHUNK && t < t_end) {
      var scale = 1.0;
      if (params.normalize != 0u) {
        scale = 1.0 / (den[i] + params.eps);
      }
      for (var j = 0u; j < ON; j++) {
        let c = tx + 16u * j;
        if (c < DV) {
          o[v_base + t * DV + c] = out[i * ON + j] * scale;
        }
      }
    }
  }
}
