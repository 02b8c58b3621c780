// Block-local cumulative sums of the log gates (blocks of BLOCK tokens, reset at
// every block start): incl[t] = Σ_{s=start..t} g_s and, for the query side,
// q_side[t] = incl[t], or the exclusive sum incl[t] − g_t accumulated directly
// for RWKV-6 (which reads S_{t−1}). One thread per (head, block, channel).
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> g: array<f32>;
@group(0) @binding(2) var<storage, read_write> incl: array<f32>;
@group(0) @binding(3) var<storage, read_write> q_side: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let id = gid.x + gid.y * nwg.x * 64u;
  let n = params.n;
  let blocks = (n + BLOCK - 1u) / BLOCK;
  if (id >= params.heads * blocks * CH) {
    return;
  }
  let c = id % CH;
  let block = (id / CH) % blocks;
  let head = id / (CH * blocks);
  let start = block * BLOCK;
  let end = min(start + BLOCK, n);
  var running = 0.0;
  for (var t = start; t < end; t++) {
    let idx = gate_index(head, t, c, n);
    let before = running;
    running += g[idx];
    incl[idx] = running;
    if (BONUS == 1u) {
      q_side[idx] = before;
    } else {
      q_side[idx] = running;
    }
  }
}
