// Exclusive scan over segments, in place: record (head, s) becomes the memory
// segment s reads (M_s, z_s: the sum of the records of segments 0..s−1), and
// `final` gets the memory over all tokens. One invocation per (head, entry),
// walking the segments in order (the sequential dependency of the memory).
@group(0) @binding(0) var<uniform> params: IParams;
@group(0) @binding(1) var<storage, read_write> records: array<f32>;
@group(0) @binding(2) var<storage, read_write> final_memory: array<f32>;

@compute @workgroup_size(64)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let id = flat_id(lid, wid, nwg);
  if (id >= params.heads * RECORD) {
    return;
  }
  let e = id % RECORD;
  let head = id / RECORD;
  var running = 0.0;
  for (var s = 0u; s < params.num_segments; s++) {
    let index = (head * params.num_segments + s) * RECORD + e;
    let own = records[index];
    records[index] = running;
    running += own;
  }
  final_memory[id] = running;
}
