// Linear attention, chunk form, pass 2: exclusive prefix sum over chunks, in place:
// chunk_states[h][c] becomes the state *before* chunk c (S_[c], z_[c]), and the
// total over all chunks goes to final_state[h] (S then z). One thread per
// (head, state element); the loads of consecutive chunks are independent, so the
// sequential loop is bandwidth-bound rather than latency-bound.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> chunk_states: array<f32>;
@group(0) @binding(2) var<storage, read_write> final_state: array<f32>;

const STATE_SIZE: u32 = DK * DV + DK;
const UNROLL: u32 = 8u;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let id = gid.x + gid.y * nwg.x * 256u;
  if (id >= STATE_SIZE * params.heads) {
    return;
  }
  let head = id / STATE_SIZE;
  let e = id % STATE_SIZE;
  let base = head * params.num_chunks * STATE_SIZE + e;
  var running = 0.0;
  // Eight independent loads first, then the dependent sums: the loop is bound by
  // memory latency, so keeping several loads in flight is what makes it fast.
  var c = 0u;
  for (; c + UNROLL <= params.num_chunks; c += UNROLL) {
    var own: array<f32, UNROLL>;
    for (var u = 0u; u < UNROLL; u++) {
      own[u] = chunk_states[base + (c + u) * STATE_SIZE];
    }
    for (var u = 0u; u < UNROLL; u++) {
      chunk_states[base + (c + u) * STATE_SIZE] = running;
      running += own[u];
    }
  }
  for (; c < params.num_chunks; c++) {
    let idx = base + c * STATE_SIZE;
    let own = chunk_states[idx];
    chunk_states[idx] = running;
    running += own;
  }
  final_state[head * STATE_SIZE + e] = running;
}
