// Chunk form (decay family), pass 2: the state before every chunk, in place:
//   S_[c+1] = diag(e^{G̃_C}) S_[c] + ΔS_c   (G̃_C = the chunk's total log decay ≤ 0),
// chunk by chunk, one thread per (head, state element). The total goes to
// final_state (the state after the last token).
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> incl: array<f32>;
@group(0) @binding(2) var<storage, read_write> states: array<f32>;
@group(0) @binding(3) var<storage, read_write> final_state: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let id = gid.x + gid.y * nwg.x * 256u;
  if (id >= DK * DV * params.heads) {
    return;
  }
  let n = params.n;
  let head = id / (DK * DV);
  let elem = id % (DK * DV);
  let d = elem / DV;
  let base = head * params.num_chunks * DK * DV + elem;
  var running = 0.0;
  for (var c = 0u; c < params.num_chunks; c++) {
    let idx = base + c * DK * DV;
    let own = states[idx];
    states[idx] = running;
    let last = min(c * BLOCK + BLOCK, n) - 1u;
    running = decay(incl[gate_index(head, last, d, n)]) * running + own;
  }
  final_state[head * DK * DV + elem] = running;
}
