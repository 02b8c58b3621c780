// Moore–Penrose pseudo-inverse of one m×m matrix per workgroup (head = workgroup
// x), by the one-sided Jacobi SVD of src/engine/variants/nystrom/pinv.ts in f32:
// U ← A, V ← I; sweeps of plane rotations orthogonalise the columns of U
// (U = AV), in the round-robin (circle method) order, so each round rotates
// ⌈m/2⌉ disjoint column pairs in parallel, one invocation per pair. Sweeps stop
// when a whole sweep rotates nothing (|γ| ≤ JACOBI_TOL·√(αβ) for every pair) or
// after MAX_SWEEPS. Then σ_j = ‖U_j‖ and Z = Σ_{σ_j > m·ε·σ_max} V_j U_jᵀ / σ_j²
// (ε = 2⁻²³, the f32 machine epsilon). Constant M (m ≤ 256).
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read_write> u: array<f32>;
@group(0) @binding(2) var<storage, read_write> vm: array<f32>;
@group(0) @binding(3) var<storage, read_write> z: array<f32>;

const WG: u32 = 128u;
// Players of the round robin: m rounded up to even (player m is a bye).
const MP: u32 = M + (M % 2u);
const PAIRS: u32 = MP / 2u;
const MAX_SWEEPS: u32 = 30u;
const JACOBI_TOL: f32 = 1e-6;

var<workgroup> rotations: array<u32, WG>;
var<workgroup> total: u32;
var<workgroup> sigma: array<f32, 256>;

fn player(pos: u32, round: u32) -> u32 {
  if (pos == 0u) {
    return 0u;
  }
  return 1u + (pos - 1u + round) % (MP - 1u);
}

@compute @workgroup_size(128)
fn main(@builtin(local_invocation_index) tid: u32, @builtin(workgroup_id) wid: vec3u) {
  let base = wid.x * M * M;
  for (var e = tid; e < M * M; e += WG) {
    u[base + e] = a[base + e];
    vm[base + e] = select(0.0, 1.0, e / M == e % M);
  }
  storageBarrier();
  for (var sweep = 0u; sweep < MAX_SWEEPS; sweep++) {
    var count = 0u;
    for (var round = 0u; round + 1u < MP; round++) {
      if (tid < PAIRS) {
        var p = player(tid, round);
        var q = player(MP - 1u - tid, round);
        if (p > q) {
          let t = p;
          p = q;
          q = t;
        }
        if (q < M) {
          var alpha = 0.0;
          var beta = 0.0;
          var gamma = 0.0;
          for (var i = 0u; i < M; i++) {
            let up = u[base + i * M + p];
            let uq = u[base + i * M + q];
            alpha += up * up;
            beta += uq * uq;
            gamma += up * uq;
          }
          if (gamma != 0.0 && abs(gamma) > JACOBI_TOL * sqrt(alpha * beta)) {
            count++;
            let zeta = (beta - alpha) / (2.0 * gamma);
            let t = select(-1.0, 1.0, zeta >= 0.0) / (abs(zeta) + sqrt(1.0 + zeta * zeta));
            let c = inverseSqrt(1.0 + t * t);
            let s = c * t;
            for (var i = 0u; i < M; i++) {
              let up = u[base + i * M + p];
              let uq = u[base + i * M + q];
              u[base + i * M + p] = c * up - s * uq;
              u[base + i * M + q] = s * up + c * uq;
              let vp = vm[base + i * M + p];
              let vq = vm[base + i * M + q];
              vm[base + i * M + p] = c * vp - s * vq;
              vm[base + i * M + q] = s * vp + c * vq;
            }
          }
        }
      }
      storageBarrier();
    }
    rotations[tid] = count;
    workgroupBarrier();
    if (tid == 0u) {
      var sum = 0u;
      for (var t = 0u; t < WG; t++) {
        sum += rotations[t];
      }
      total = sum;
    }
    let rotated = workgroupUniformLoad(&total);
    if (rotated == 0u) {
      break;
    }
  }
  for (var j = tid; j < M; j += WG) {
    var s = 0.0;
    for (var i = 0u; i < M; i++) {
      let x = u[base + i * M + j];
      s += x * x;
    }
    sigma[j] = sqrt(s);
  }
  workgroupBarrier();
  var smax = 0.0;
  for (var j = 0u; j < M; j++) {
    smax = max(smax, sigma[j]);
  }
  let tol = f32(M) * 1.1920929e-7 * smax;
  for (var e = tid; e < M * M; e += WG) {
    let i = e / M;
    let k = e % M;
    var acc = 0.0;
    for (var j = 0u; j < M; j++) {
      let sj = sigma[j];
      if (sj > tol) {
        acc += vm[base + i * M + j] * u[base + k * M + j] / (sj * sj);
      }
    }
    z[base + e] = acc;
  }
}
