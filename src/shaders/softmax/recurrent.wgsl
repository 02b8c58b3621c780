// Softmax attention, recurrent form = decoding with a KV cache: query t reads the
// cache of keys/values 0..t (or its window) in blocks of 64, with the online-softmax
// update (running max m, denominator l, accumulator rescaled by exp(m_old − m_new)).
// One workgroup per (token, head): every token is one decode step; they are
// independent, so all steps of the sequence run in one dispatch.
// Thread t computes the score of key block_start + t, and owns output columns
// t + 64·j.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read_write> o: array<f32>;

const WG: u32 = 64u;
const OC: u32 = (DV + WG - 1u) / WG;
var<workgroup> q_row: array<f32, DK>;
var<workgroup> block: array<f32, WG>;

@compute @workgroup_size(64)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let n = params.n;
  let id = wid.x + wid.y * nwg.x;
  if (id >= n * params.heads) {
    return;
  }
  let t = id % n;
  let head = id / n;
  let qk_base = head * n * DK;
  let v_base = head * n * DV;
  let lane = lid.x;

  for (var d = lane; d < DK; d += WG) {
    q_row[d] = q[qk_base + t * DK + d] * params.scale;
  }
  var last = n - 1u;
  if (params.causal != 0u) {
    last = t;
  }
  var first = 0u;
  if (params.window != 0u && t + 1u > params.window) {
    first = t + 1u - params.window;
  }

  var m = NEG_BIG;
  var l = 0.0;
  var acc: array<f32, OC>;
  for (var j = 0u; j < OC; j++) {
    acc[j] = 0.0;
  }

  for (var start = first; start <= last; start += WG) {
    workgroupBarrier();
    let key = start + lane;
    let ok = key <= last;
    var s = NEG_BIG;
    if (ok) {
      var dot_qk = 0.0;
      for (var d = 0u; d < DK; d++) {
        dot_qk += q_row[d] * k[qk_base + key * DK + d];
      }
      s = dot_qk;
    }
    block[lane] = s;
    workgroupBarrier();
    var m_new = m;
    for (var i = 0u; i < WG; i++) {
      m_new = max(m_new, block[i]);
    }
    workgroupBarrier();
    block[lane] = select(0.0, exp(s - m_new), ok);
    workgroupBarrier();
    let alpha = exp(m - m_new);
    m = m_new;
    var psum = 0.0;
    for (var j = 0u; j < OC; j++) {
      acc[j] *= alpha;
    }
    let count = min(WG, last + 1u - start);
    for (var i = 0u; i < count; i++) {
      let p = block[i];
      psum += p;
      for (var j = 0u; j < OC; j++) {
        let c = lane + WG * j;
        if (c < DV) {
          acc[j] += p * v[v_base + (start + i) * DV + c];
        }
      }
    }
    l = l * alpha + psum;
  }
  let inv = select(0.0, 1.0 / l, l > 0.0);
  for (var j = 0u; j < OC; j++) {
    let c = lane + WG * j;
    if (c < DV) {
      o[v_base + t * DV + c] = acc[j] * inv;
    }
  }
}
