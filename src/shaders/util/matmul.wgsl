// Ceiling kernel: C = A·B, square f32 matrices of side N (a multiple of 128), the
// classic shared-memory + register tiling: a 16×16 workgroup computes a 128×128
// tile of C, each thread an 8×8 block (two 4×4 quadrants 64 apart, so the vec4
// reads of a warp fall on different banks). K advances KT = 8 at a time.
// Measures what plain WGSL f32 arithmetic reaches on this device; attention
// kernels are reported as a fraction of it.
@group(0) @binding(0) var<storage, read> a: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> b: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> c: array<vec4<f32>>;

const TILE: u32 = 128u;
const KT: u32 = 8u;
// a_tile[k][m] (A transposed, scalar so each thread writes its own elements) and
// b_tile[k][n] as vec4 along n.
var<workgroup> a_tile: array<f32, KT * TILE>;
var<workgroup> b_tile: array<vec4<f32>, KT * TILE / 4u>;

@compute @workgroup_size(16, 16)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let tx = lid.x;
  let ty = lid.y;
  let tid = ty * 16u + tx;
  let row0 = wid.y * TILE;
  let col0 = wid.x * TILE;
  let n4 = N / 4u;

  var acc: array<vec4<f32>, 16>;
  for (var i = 0u; i < 16u; i++) {
    acc[i] = vec4<f32>(0.0);
  }

  // Loader mapping: 256 threads load the 128×8 slice of A (one vec4 of 4 k values
  // each, then scattered transposed) and the 8×128 slice of B (one vec4 each).
  let a_row = tid / 2u;
  let a_k4 = tid % 2u;
  let b_k = tid / 32u;
  let b_c4 = tid % 32u;

  for (var k0 = 0u; k0 < N; k0 += KT) {
    let av = a[(row0 + a_row) * n4 + k0 / 4u + a_k4];
    let bv = b[(k0 + b_k) * n4 + col0 / 4u + b_c4];
    workgroupBarrier();
    // Transpose A's vec4 (4 consecutive k) into column a_row of a_tile.
    let base_k = a_k4 * 4u;
    for (var kk = 0u; kk < 4u; kk++) {
      a_tile[(base_k + kk) * TILE + a_row] = av[kk];
    }
    b_tile[b_k * (TILE / 4u) + b_c4] = bv;
    workgroupBarrier();
    for (var kk = 0u; kk < KT; kk++) {
      let a_base = kk * TILE + ty * 4u;
      let a0 = vec4<f32>(a_tile[a_base], a_tile[a_base + 1u], a_tile[a_base + 2u], a_tile[a_base + 3u]);
      let a1 = vec4<f32>(a_tile[a_base + 64u], a_tile[a_base + 65u], a_tile[a_base + 66u], a_tile[a_base + 67u]);
      let b0 = b_tile[kk * (TILE / 4u) + tx];
      let b1 = b_tile[kk * (TILE / 4u) + tx + 16u];
      for (var r = 0u; r < 4u; r++) {
        acc[r * 2u] += a0[r] * b0;
        acc[r * 2u + 1u] += a0[r] * b1;
        acc[8u + r * 2u] += a1[r] * b0;
        acc[8u + r * 2u + 1u] += a1[r] * b1;
      }
    }
  }
  for (var r = 0u; r < 4u; r++) {
    let top = row0 + ty * 4u + r;
    let bottom = top + 64u;
    c[top * n4 + col0 / 4u + tx] = acc[r * 2u];
    c[top * n4 + col0 / 4u + tx + 16u] = acc[r * 2u + 1u];
    c[bottom * n4 + col0 / 4u + tx] = acc[8u + r * 2u];
    c[bottom * n4 + col0 / 4u + tx + 16u] = acc[8u + r * 2u + 1u];
  }
}
