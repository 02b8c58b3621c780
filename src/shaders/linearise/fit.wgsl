// One Adam step of the Hedgehog attention-transfer fit (engine/linearise/fit.ts
// has the derivation; this is the same arithmetic in f32). Prepended constants:
// N, DK, DV, R, F = 2R, CAP (loss history slots), LOSS_WEIGHTS (bool), EPS,
// BETA1, BETA2, ADAM_EPS. One invocation per row (or per entry of W), no
// workgroup barriers, so the same kernels run on software adapters.
// Entry points, dispatched in this order for a step:
//   features (2N rows) → forward (N query rows) → keys (2N rows) → update (DK·R entries) → finish (1)
// An evaluation without an update is features → forward → record.

struct Params {
  lr: f32,
  pad0: f32,
  pad1: f32,
  pad2: f32,
}

// q | k | v | P (N×N, causal softmax) | Y = PV, all read-only.
@group(0) @binding(0) var<storage, read> inputs: array<f32>;
// W | Adam m | Adam v, each DK×R.
@group(0) @binding(1) var<storage, read_write> weights: array<f32>;
// φ (2N×F: query rows then key rows) | Â (N×N) | dA (N×N) | s (N) | dφ (2N×F) | dŶ (2N×R) | row loss (N) | O (N×DV)
@group(0) @binding(2) var<storage, read_write> work: array<f32>;
// [0]: updates done so far (exact in f32 below 2^24); [1 + s mod CAP]: loss at W_s.
@group(0) @binding(3) var<storage, read_write> history: array<f32>;
@group(0) @binding(4) var<uniform> params: Params;

const Q_OFF: u32 = 0u;
const K_OFF: u32 = N * DK;
const V_OFF: u32 = 2u * N * DK;
const P_OFF: u32 = V_OFF + N * DV;
const Y_OFF: u32 = P_OFF + N * N;

const W_OFF: u32 = 0u;
const M_OFF: u32 = DK * R;
const S_OFF: u32 = 2u * DK * R;

const PHI_OFF: u32 = 0u;
const MAP_OFF: u32 = 2u * N * F;
const DA_OFF: u32 = MAP_OFF + N * N;
const DEN_OFF: u32 = DA_OFF + N * N;
const DPHI_OFF: u32 = DEN_OFF + N;
const DY_OFF: u32 = DPHI_OFF + 2u * N * F;
const LOSS_OFF: u32 = DY_OFF + 2u * N * R;
const OUT_OFF: u32 = LOSS_OFF + N;

// Row t < N is query t, row t ≥ N is key t − N.
fn inputRow(t: u32) -> u32 {
  if (t < N) {
    return Q_OFF + t * DK;
  }
  return K_OFF + (t - N) * DK;
}

// φ(x) = [softmax(xW), softmax(−xW)], max (min) subtracted before exp.
@compute @workgroup_size(64)
fn features(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x;
  if (t >= 2u * N) {
    return;
  }
  let x = inputRow(t);
  var y: array<f32, R>;
  var hi = -3.0e38;
  var lo = 3.0e38;
  for (var c = 0u; c < R; c++) {
    var dot = 0.0;
    for (var a = 0u; a < DK; a++) {
      dot += inputs[x + a] * weights[W_OFF + a * R + c];
    }
    y[c] = dot;
    hi = max(hi, dot);
    lo = min(lo, dot);
  }
  var sumPos = 0.0;
  var sumNeg = 0.0;
  for (var c = 0u; c < R; c++) {
    sumPos += exp(y[c] - hi);
    sumNeg += exp(lo - y[c]);
  }
  let base = PHI_OFF + t * F;
  for (var c = 0u; c < R; c++) {
    work[base + c] = exp(y[c] - hi) / sumPos;
    work[base + R + c] = exp(lo - y[c]) / sumNeg;
  }
}

fn kernelValue(i: u32, j: u32) -> f32 {
  var dot = 0.0;
  let qi = PHI_OFF + i * F;
  let kj = PHI_OFF + (N + j) * F;
  for (var a = 0u; a < F; a++) {
    dot += work[qi + a] * work[kj + a];
  }
  return dot;
}

// Query row i: Â_i·, o_i, its loss term, G → c_i → dA_i·, and dφQ_i.
@compute @workgroup_size(64)
fn forward(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  if (i >= N) {
    return;
  }
  let row = i * N;
  var sum = 0.0;
  for (var j = 0u; j <= i; j++) {
    let a = kernelValue(i, j);
    work[MAP_OFF + row + j] = a;
    sum += a;
  }
  let s = sum + EPS;
  work[DEN_OFF + i] = s;
  var o: array<f32, DV>;
  for (var j = 0u; j <= i; j++) {
    let a = work[MAP_OFF + row + j] / s;
    work[MAP_OFF + row + j] = a;
    for (var c = 0u; c < DV; c++) {
      o[c] += a * inputs[V_OFF + j * DV + c];
    }
  }
  var loss = 0.0;
  var dOut: array<f32, DV>;
  for (var c = 0u; c < DV; c++) {
    work[OUT_OFF + i * DV + c] = o[c];
    let diff = o[c] - inputs[Y_OFF + i * DV + c];
    dOut[c] = 2.0 * diff / f32(N * DV);
    if (!LOSS_WEIGHTS) {
      loss += diff * diff;
    }
  }
  let cells = f32(N * (N + 1u) / 2u);
  var ci = 0.0;
  for (var j = 0u; j <= i; j++) {
    let a = work[MAP_OFF + row + j];
    var g = 0.0;
    if (LOSS_WEIGHTS) {
      let diff = a - inputs[P_OFF + row + j];
      loss += diff * diff;
      g = 2.0 * diff / cells;
    } else {
      for (var c = 0u; c < DV; c++) {
        g += dOut[c] * inputs[V_OFF + j * DV + c];
      }
    }
    work[DA_OFF + row + j] = g;
    ci += g * a;
  }
  work[LOSS_OFF + i] = loss;
  var dq: array<f32, F>;
  for (var j = 0u; j <= i; j++) {
    let d = (work[DA_OFF + row + j] - ci) / s;
    work[DA_OFF + row + j] = d;
    let kj = PHI_OFF + (N + j) * F;
    for (var a = 0u; a < F; a++) {
      dq[a] += d * work[kj + a];
    }
  }
  for (var a = 0u; a < F; a++) {
    work[DPHI_OFF + i * F + a] = dq[a];
  }
}

// Row t: for keys first dφK_j = Σ_{i≥j} dA_ij φQ_i, then for every row
// dŶ = p ⊙ (dp − ⟨dp,p⟩) − m ⊙ (dm − ⟨dm,m⟩).
@compute @workgroup_size(64)
fn keys(@builtin(global_invocation_id) gid: vec3<u32>) {
  let t = gid.x;
  if (t >= 2u * N) {
    return;
  }
  var dphi: array<f32, F>;
  if (t < N) {
    for (var a = 0u; a < F; a++) {
      dphi[a] = work[DPHI_OFF + t * F + a];
    }
  } else {
    let j = t - N;
    for (var i = j; i < N; i++) {
      let d = work[DA_OFF + i * N + j];
      let qi = PHI_OFF + i * F;
      for (var a = 0u; a < F; a++) {
        dphi[a] += d * work[qi + a];
      }
    }
  }
  let base = PHI_OFF + t * F;
  var dotPos = 0.0;
  var dotNeg = 0.0;
  for (var c = 0u; c < R; c++) {
    dotPos += dphi[c] * work[base + c];
    dotNeg += dphi[R + c] * work[base + R + c];
  }
  for (var c = 0u; c < R; c++) {
    work[DY_OFF + t * R + c] = work[base + c] * (dphi[c] - dotPos) - work[base + R + c] * (dphi[R + c] - dotNeg);
  }
}

// Entry (a, c) of W: ∂L/∂W = Qᵀ dŶq + Kᵀ dŶk, then one bias-corrected Adam update.
@compute @workgroup_size(64)
fn update(@builtin(global_invocation_id) gid: vec3<u32>) {
  let e = gid.x;
  if (e >= DK * R) {
    return;
  }
  let a = e / R;
  let c = e % R;
  var g = 0.0;
  for (var t = 0u; t < 2u * N; t++) {
    g += inputs[inputRow(t) + a] * work[DY_OFF + t * R + c];
  }
  let step = history[0] + 1.0;
  let m = BETA1 * weights[M_OFF + e] + (1.0 - BETA1) * g;
  let v = BETA2 * weights[S_OFF + e] + (1.0 - BETA2) * g * g;
  weights[M_OFF + e] = m;
  weights[S_OFF + e] = v;
  let mHat = m / (1.0 - pow(BETA1, step));
  let vHat = v / (1.0 - pow(BETA2, step));
  weights[W_OFF + e] -= params.lr * mHat / (sqrt(vHat) + ADAM_EPS);
}

fn recordLoss() -> u32 {
  var sum = 0.0;
  for (var i = 0u; i < N; i++) {
    sum += work[LOSS_OFF + i];
  }
  var norm = f32(N * DV);
  if (LOSS_WEIGHTS) {
    norm = f32(N * (N + 1u) / 2u);
  }
  let step = u32(history[0]);
  history[1u + step % CAP] = sum / norm;
  return step;
}

// After update: the loss measured at W_s goes to slot s, and the step count grows.
@compute @workgroup_size(1)
fn finish() {
  let step = recordLoss();
  history[0] = f32(step + 1u);
}

// After an evaluation only: the loss at the current W, count unchanged.
@compute @workgroup_size(1)
fn record() {
  _ = recordLoss();
}
