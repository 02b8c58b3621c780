// The delta rule's overwrite, as an experiment the engine runs: write the same
// unit key k twice, first with value v_old, then with v_new, and read the state
// back with q = k at the second token. DeltaNet (S += β kᵀ(v − kS)) replaces what
// k pointed to: it reads β·v_new + β(1−β)·v_old, so v_new itself as β → 1. Plain
// linear attention (identity map, no normaliser) only adds: it reads v_old + v_new.
import { createRng, type AttentionEngine } from '../../engine';

export interface OverwriteProblem {
  readonly d: number;
  /** The unit key written twice. */
  readonly key: Float32Array;
  readonly vOld: Float32Array;
  readonly vNew: Float32Array;
}

/** A seeded unit key and two independent values (f32, so both backends read the same numbers). */
export function overwriteProblem(seed: number, d: number): OverwriteProblem {
  const rng = createRng(seed, 404);
  const draw = () => Float64Array.from({ length: d }, () => rng.nextNormal());
  const raw = draw();
  const norm = Math.hypot(...raw);
  return {
    d,
    key: Float32Array.from(raw, (x) => x / norm),
    vOld: Float32Array.from(draw()),
    vNew: Float32Array.from(draw()),
  };
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** ‖a − b‖ / ‖b‖. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < b.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    norm += b[i] * b[i];
  }
  return Math.sqrt(diff / Math.max(norm, 1e-300));
}

export interface ReadBack {
  /** What q = k reads after both writes. */
  readonly read: Float64Array;
  readonly cosNew: number;
  readonly cosOld: number;
  /** ‖read − v_new‖ / ‖v_new‖. */
  readonly errNew: number;
  readonly errOld: number;
}

function readBack(o: ArrayLike<number>, problem: OverwriteProblem): ReadBack {
  const { d } = problem;
  // Row 2 of the output: the query at the second token.
  const read = Float64Array.from({ length: d }, (_, e) => o[d + e]);
  return {
    read,
    cosNew: cosine(read, problem.vNew),
    cosOld: cosine(read, problem.vOld),
    errNew: relativeError(read, problem.vNew),
    errOld: relativeError(read, problem.vOld),
  };
}

export interface OverwriteResult {
  readonly delta: ReadBack;
  readonly linear: ReadBack;
  /** The delta rule's read-back in closed form, β·v_new + β(1−β)·v_old. */
  readonly deltaExpected: Float64Array;
}

/** Runs both writes through the engine's recurrent forms of DeltaNet and linear attention. */
export async function runOverwrite(
  engine: AttentionEngine,
  problem: OverwriteProblem,
  beta: number,
): Promise<OverwriteResult> {
  const { d, key, vOld, vNew } = problem;
  const twice = new Float32Array(2 * d);
  twice.set(key, 0);
  twice.set(key, d);
  const values = new Float32Array(2 * d);
  values.set(vOld, 0);
  values.set(vNew, d);
  const base = { n: 2, dk: d, dv: d, q: twice, k: twice, v: values };
  const delta = await engine.run({
    variant: 'deltanet',
    form: 'recurrent',
    problem: {
      ...base,
      params: { causal: true, scale: 1, normalizeK: true },
      inputs: { beta: new Float32Array([beta, beta]) },
    },
  });
  const linear = await engine.run({
    variant: 'linear',
    form: 'recurrent',
    problem: { ...base, params: { causal: true, featureMap: 'identity', normalize: false } },
  });
  const deltaExpected = Float64Array.from(
    { length: d },
    (_, e) => beta * vNew[e] + beta * (1 - beta) * vOld[e],
  );
  return { delta: readBack(delta.o, problem), linear: readBack(linear.o, problem), deltaExpected };
}
