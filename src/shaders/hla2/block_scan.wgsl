// Scan over the blocks with the paper's semidirect product: writes each block's
// EXCLUSIVE prefix state A (what the tokens before the block left) and the final
// state. One thread per (head, column), as in block_state.wgsl:
//   S columns:        S_A += S_B
//   C', G' columns c: G'_A += G'_B + S_B C'_A[:, c]  (C'_A before it absorbs C'_B),
//                     then C'_A += C'_B.
@group(0) @binding(0) var<uniform> params: HParams;
@group(0) @binding(1) var<storage, read> states: array<f32>;
@group(0) @binding(2) var<storage, read_write> prefixes: array<f32>;
@group(0) @binding(3) var<storage, read_write> final_state: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let id = gid.x + gid.y * groups.x * 64u;
  let cols = DK + DV + 1u;
  if (id >= params.heads * cols) {
    return;
  }
  let col = id % cols;
  let head = id / cols;
  let nb = params.num_blocks;
  var x: array<f32, DK>;
  var y: array<f32, DK>;
  for (var r = 0u; r < DK; r++) {
    x[r] = 0.0;
    y[r] = 0.0;
  }
  let c = col - DK;
  for (var b = 0u; b < nb; b++) {
    let own = (head * nb + b) * STATE;
    if (col < DK) {
      for (var r = 0u; r < DK; r++) {
        prefixes[s_at(own, r, col)] = x[r];
        x[r] += states[s_at(own, r, col)];
      }
    } else {
      // x = C'_A[:, c], y = G'_A[:, c].
      for (var r = 0u; r < DK; r++) {
        prefixes[c_at(own, r, c)] = x[r];
        prefixes[g_at(own, r, c)] = y[r];
      }
      for (var r = 0u; r < DK; r++) {
        var sc = 0.0;
        for (var i = 0u; i < DK; i++) {
          sc += states[s_at(own, r, i)] * x[i];
        }
        y[r] += states[g_at(own, r, c)] + sc;
      }
      for (var r = 0u; r < DK; r++) {
        x[r] += states[c_at(own, r, c)];
      }
    }
  }
  let base = head * STATE;
  for (var r = 0u; r < DK; r++) {
    if (col < DK) {
      final_state[s_at(base, r, col)] = x[r];
    } else {
      final_state[c_at(base, r, c)] = x[r];
      final_state[g_at(base, r, c)] = y[r];
    }
  }
}
