// Linear attention, recurrent form, for DK = 16, 32 or 64 on devices with
// subgroups (the engine picks recurrent.wgsl otherwise): the same recurrence,
// S_t = S_{t−1} + φ(k_t)ᵀv_t, z_t = z_{t−1} + φ(k_t),
// o_t = φ(q_t)S_t / (φ(q_t)·z_t + eps), with the state laid out as in
// gated/recurrent_sg.wgsl: four consecutive subgroup lanes share a value column,
// each holding DK/4 rows of S (and of z) in vec4 registers, and two
// subgroupShuffleXor add the parts of φ(q_t)S_t and φ(q_t)·z_t
// (util/column_parts.wgsl, prepended). φ(q), φ(k) and v of TB tokens are staged
// in workgroup memory, so a step reads no storage; a barrier every TB tokens.
// Non-causal runs two sweeps: accumulate the whole state, then read it.
// The final state S (dk×dv) is written to `state`.
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read_write> o: array<f32>;
@group(0) @binding(5) var<storage, read_write> state: array<f32>;


// column_parts.wgsl stages φ(q) and φ(k).
fn stage_map(x: vec4<f32>) -> vec4<f32> {
  return vec4<f32>(phi(x.x), phi(x.y), phi(x.z), phi(x.w));
}

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) li: u32, @builtin(workgroup_id) wid: vec3u) {
  let n = params.n;
  let head = wid.y;
  let p = li % LANES;
  let c = wid.x * COLS + li / LANES;
  // Lanes past the last column run the steps on zeros (the shuffles and barriers
  // need every lane) and write nothing.
  let has_col = c < DV;

  var s = zero_part();
  var z = zero_part();
  var sweeps = 1u;
  if (params.causal == 0u) {
    sweeps = 2u;
  }
  for (var sweep = 0u; sweep < sweeps; sweep++) {
    // Causal: one sweep that updates and reads. Non-causal: sweep 0 only updates,
    // sweep 1 only reads the full state.
    let update = sweep == 0u;
    let read = params.causal != 0u || sweep == 1u;
    for (var t0 = 0u; t0 < n; t0 += TB) {
      workgroupBarrier();
      let count = min(TB, n - t0);
      stage_qkv(li, wid.x, head, n, t0, count);
      workgroupBarrier();
      // All TB steps, also those past n: their staged φ(q), φ(k), v are zero, so
      // they change neither S nor z; only their outputs are not written. A fixed
      // trip count lets the compiler unroll and overlap the steps.
      for (var tt = 0u; tt < TB; tt++) {
        let kt = staged_part(1u, tt * ROW4 + p * QV);
        if (update) {
          s = add_scaled(s, kt, sv[tt * COLS + li / LANES]);
          z = add(z, kt);
        }
        if (read) {
          let qt = staged_part(0u, tt * ROW4 + p * QV);
          let num = column_dot(qt, s);
          let den = column_dot(qt, z);
          if (has_col && p == 0u && tt < count) {
            var out = num;
            if (params.normalize != 0u) {
              out = num / (den + params.eps);
            }
            o[(head * n + t0 + tt) * DV + c] = out;
          }
        }
      }
    }
  }
  if (has_col) {
    store_part_column(s, p, c, head * DK * DV);
  }
}
