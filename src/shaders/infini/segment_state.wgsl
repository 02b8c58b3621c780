// Each segment's own contribution to the memory: record (head, s) =
// [Σ_{j in s} σ(k_j)ᵀv_j (DK×DV), Σ_{j in s} σ(k_j) (DK)]. One invocation per
// record entry (head, s, e), summing over the segment's tokens in order. With
// segment = n and one segment it is the memory over all tokens (the state).
@group(0) @binding(0) var<uniform> params: IParams;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read> v: array<f32>;
@group(0) @binding(3) var<storage, read_write> records: array<f32>;

@compute @workgroup_size(64)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let id = flat_id(lid, wid, nwg);
  if (id >= params.heads * params.num_segments * RECORD) {
    return;
  }
  let e = id % RECORD;
  let s = (id / RECORD) % params.num_segments;
  let head = id / (RECORD * params.num_segments);
  let n = params.n;
  let start = s * params.segment;
  let end = min(n, start + params.segment);
  var acc = 0.0;
  if (e < DK * DV) {
    let a = e / DV;
    let c = e % DV;
    for (var j = start; j < end; j++) {
      acc += sigma(k[(head * n + j) * DK + a]) * v[(head * n + j) * DV + c];
    }
  } else {
    let a = e - DK * DV;
    for (var j = start; j < end; j++) {
      acc += sigma(k[(head * n + j) * DK + a]);
    }
  }
  records[id] = acc;
}
