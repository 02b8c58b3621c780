// Seeded Linformer projections E, F (kproj×n): i.i.d. N(0, 1/n) entries, the
// scale of the shared vector linformer-k8 (so ‖E k_col‖ stays near ‖k_col‖/√n·√n
// = the size of one key: projected scores keep the scale of ordinary ones).
// Linformer learns E and F; random ones are the Johnson–Lindenstrauss picture
// behind its low-rank argument, and what an untrained model starts from.
// Drawn in float64 from the project's PRNG and rounded to f32, like q, k, v, so
// both backends see identical numbers.
import { createRng } from './random';

// Stream ids: far from generateProblem's per-head streams and the
// Performer/Hedgehog projections (randomFeatures.ts).
const E_STREAM = 0x3ffffff0;
const F_STREAM = 0x3ffffff1;

export interface LinformerProjectionOptions {
  readonly n: number;
  readonly kproj: number;
  readonly seed: number;
}

export function linformerProjections(options: LinformerProjectionOptions): {
  E: Float32Array;
  F: Float32Array;
} {
  const { n, kproj, seed } = options;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer ≥ 1 (got ${n})`);
  if (!Number.isInteger(kproj) || kproj < 1)
    throw new RangeError(`kproj must be an integer ≥ 1 (got ${kproj})`);
  const draw = (stream: number) => {
    const rng = createRng(seed, stream);
    const out = new Float32Array(kproj * n);
    const sd = 1 / Math.sqrt(n);
    for (let i = 0; i < out.length; i++) out[i] = sd * rng.nextNormal();
    return out;
  };
  return { E: draw(E_STREAM), F: draw(F_STREAM) };
}
