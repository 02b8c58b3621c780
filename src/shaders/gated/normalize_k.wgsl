// k_t ← k_t / ‖k_t‖ for every row (the delta rule's normalizeK); a zero row stays zero.
// ROWS rows per workgroup, staged with coalesced loads (row stride DK + 1: the
// per-row sums of squares then read different banks), normalised and written back
// coalesced. (One thread per row would make each warp load 32 rows DK·4 bytes apart.)
@group(0) @binding(0) var<uniform> params: GParams;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read_write> kn: array<f32>;

var<workgroup> tile: array<f32, ROWS * (DK + 1u)>;
var<workgroup> inv: array<f32, ROWS>;

@compute @workgroup_size(256)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
) {
  let total = params.n * params.heads;
  let row0 = (wid.x + wid.y * nwg.x) * ROWS;
  if (row0 >= total) {
    return;
  }
  let rows = min(ROWS, total - row0);
  let tid = lid.x;
  for (var e = tid; e < rows * DK; e += 256u) {
    tile[(e / DK) * (DK + 1u) + e % DK] = k[row0 * DK + e];
  }
  workgroupBarrier();
  for (var r = tid; r < rows; r += 256u) {
    var sum = 0.0;
    for (var d = 0u; d < DK; d++) {
      let x = tile[r * (DK + 1u) + d];
      sum += x * x;
    }
    var f = 0.0;
    if (sum > 0.0) {
      f = inverseSqrt(sum);
    }
    inv[r] = f;
  }
  workgroupBarrier();
  for (var e = tid; e < rows * DK; e += 256u) {
    kn[row0 * DK + e] = tile[(e / DK) * (DK + 1u) + e % DK] * inv[e / DK];
  }
}
