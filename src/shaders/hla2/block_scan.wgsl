// Scan over the blocks with the paper's semidirect product: writes each block's
// EXCLUSIVE prefix state A (what the tokens before the block left) and the final
// state. One workgroup per (head, column); thread r < DK owns row r of it:
//   S columns (col < DK):  S_A[r, col] += S_B[r, col]
//   C', G' columns c:      G'_A[r, c] += G'_B[r, c] + Σ_i S_B[r, i] C'_A[i, c]
//                          (C'_A before it absorbs C'_B), then C'_A[r, c] += C'_B[r, c].
// The blocks stay a sequential chain, but each step is spread over DK threads
// instead of one thread doing the whole DK×DK product: the column C'_A[:, c] is
// shared through workgroup memory (double-buffered, so one barrier per block), and
// since S_B = Σ kᵀk is symmetric, thread r reads S_B[i, r]: neighbouring threads
// read neighbouring floats.
@group(0) @binding(0) var<uniform> params: HParams;
@group(0) @binding(1) var<storage, read> states: array<f32>;
@group(0) @binding(2) var<storage, read_write> prefixes: array<f32>;
@group(0) @binding(3) var<storage, read_write> final_state: array<f32>;

var<workgroup> column: array<f32, 2u * DK>;

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_index) r: u32, @builtin(workgroup_id) wid: vec3u) {
  let col = wid.x;
  let head = wid.y;
  let nb = params.num_blocks;
  let owns_row = r < DK;
  // Threads past DK (WG ≥ DK) take part in the barriers and write nothing.
  let row = min(r, DK - 1u);
  let base = head * STATE;
  var x = 0.0;
  if (col < DK) {
    // col is the same for the whole workgroup: this return keeps the barriers
    // below in uniform control flow.
    if (owns_row) {
      for (var b = 0u; b < nb; b++) {
        let own = (head * nb + b) * STATE;
        prefixes[s_at(own, r, col)] = x;
        x += states[s_at(own, r, col)];
      }
      final_state[s_at(base, r, col)] = x;
    }
    return;
  }
  let c = col - DK;
  var y = 0.0;
  for (var b = 0u; b < nb; b++) {
    let own = (head * nb + b) * STATE;
    let half = (b % 2u) * DK;
    if (owns_row) {
      column[half + r] = x;
    }
    workgroupBarrier();
    var sc = 0.0;
    for (var i = 0u; i < DK; i++) {
      sc += states[s_at(own, i, row)] * column[half + i];
    }
    if (owns_row) {
      prefixes[c_at(own, r, c)] = x;
      prefixes[g_at(own, r, c)] = y;
      y += states[g_at(own, r, c)] + sc;
      x += states[c_at(own, r, c)];
    }
  }
  if (owns_row) {
    final_state[c_at(base, r, c)] = x;
    final_state[g_at(base, r, c)] = y;
  }
}
