// Parallel form, pass 1, for CPU adapters (SwiftShader): one invocation per score,
// no workgroup memory and no barriers. A software adapter runs a workgroup's
// invocations as coroutines and every barrier switches all of them, so the tiled
// scores.wgsl spends most of its time there; a CPU's caches make re-reading q and
// k rows from storage cheap. Same output as scores.wgsl (MODE 0 softmax-like,
// MODE 1 linear); masked scores are not multiplied at all.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read_write> scores: array<f32>;

const WG: u32 = 64u;

fn feature(x: f32) -> f32 {
  if (MODE == 1u) {
    return phi(x);
  }
  return x;
}

@compute @workgroup_size(64)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let n = params.n;
  let index = (wid.x + wid.y * nwg.x) * WG + lid.x;
  if (index >= n * n * params.heads) {
    return;
  }
  let head = index / (n * n);
  let row = (index / n) % n;
  let col = index % n;
  if (!visible(row, col, params)) {
    scores[index] = select(NEG_BIG, 0.0, MODE == 1u);
    return;
  }
  let qb = (head * n + row) * DK;
  let kb = (head * n + col) * DK;
  var acc = 0.0;
  for (var d = 0u; d < DK; d++) {
    acc += feature(q[qb + d]) * feature(k[kb + d]);
  }
  if (MODE == 1u) {
    scores[index] = acc;
  } else {
    scores[index] = acc * params.scale;
  }
}
