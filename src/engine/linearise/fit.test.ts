import { describe, expect, it } from 'vitest';
import { createRng } from '../inputs/random';
import { evaluateFit, hedgehogPhi, initialProjection, softmaxTarget, type FitLossKind } from './fit';
import { fitProblemFromInputs, HedgehogFit } from './session';
import { hedgehogFeatures } from '../variants/common/featuremap/maps';

/** Central differences of the loss in every entry of W, in float64. */
function numericGradient(lossAt: (w: Float64Array) => number, w: Float64Array, h: number): Float64Array {
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const saved = w[i];
    w[i] = saved + h;
    const up = lossAt(w);
    w[i] = saved - h;
    const down = lossAt(w);
    w[i] = saved;
    out[i] = (up - down) / (2 * h);
  }
  return out;
}

function relativeError(a: Float64Array, b: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += Math.max(a[i] ** 2, b[i] ** 2);
  }
  return Math.sqrt(num / den);
}

describe('Hedgehog fit: analytic gradient', () => {
  const cases = [
    { seed: 1, n: 8, d: 4, r: 4, temperature: 1, locality: 0, clustering: 0 },
    { seed: 7, n: 13, d: 6, r: 8, temperature: 2, locality: 0.5, clustering: 0.3 },
    { seed: 42, n: 24, d: 8, r: 2, temperature: 1.5, locality: 0.2, clustering: 0.8 },
  ];
  for (const loss of ['output', 'weights'] as FitLossKind[]) {
    for (const c of cases) {
      it(`matches central differences (${loss}, seed ${c.seed}, n ${c.n}, d ${c.d}, r ${c.r})`, () => {
        const problem = fitProblemFromInputs(c);
        const target = softmaxTarget(problem);
        // A W away from the initialisation, so no symmetry makes terms vanish.
        const w = initialProjection(c.seed, c.d, c.r);
        const rng = createRng(c.seed, 99);
        for (let i = 0; i < w.length; i++) w[i] += 0.5 * rng.nextNormal();
        const analytic = evaluateFit(problem, target, w, c.r, loss).grad!;
        const numeric = numericGradient(
          (x) => evaluateFit(problem, target, x, c.r, loss, false).loss,
          w,
          1e-5,
        );
        const err = relativeError(analytic, numeric);
        expect(err).toBeLessThanOrEqual(1e-6);
        // Each entry too, relative to the gradient's largest entry.
        const scale = Math.max(...analytic.map(Math.abs));
        for (let i = 0; i < w.length; i++)
          expect(Math.abs(analytic[i] - numeric[i])).toBeLessThan(1e-6 * scale);
        expect(scale).toBeGreaterThan(0);
      });
    }
  }

  it('uses the same φ as the engine hedgehog variant', () => {
    const problem = fitProblemFromInputs({
      seed: 3,
      n: 10,
      d: 8,
      temperature: 1,
      locality: 0,
      clustering: 0,
    });
    const w = initialProjection(3, 8, 16);
    const ours = hedgehogPhi(problem.q, 10, 8, w, 16);
    const engine = hedgehogFeatures(problem.q, 10, 8, w);
    for (let i = 0; i < ours.length; i++) expect(ours[i]).toBeCloseTo(engine[i], 14);
  });
});

describe('Hedgehog fit: Adam', () => {
  // The lesson's default inputs (meta.ts step 'fit').
  const defaults = { seed: 42, n: 64, d: 16, temperature: 1, locality: 0.5, clustering: 0.5 };
  for (const loss of ['output', 'weights'] as FitLossKind[]) {
    it(`lowers the loss and the map error over 200 steps at the default seed (${loss})`, () => {
      const fit = HedgehogFit.fromInputs(defaults, { r: 16, loss, lr: 0.1 });
      fit.advance(200);
      const first = fit.history[0];
      const last = fit.history[200];
      expect(fit.step).toBe(200);
      expect(last.loss).toBeLessThan(first.loss / 3);
      expect(last.mapRms).toBeLessThan(first.mapRms);
      expect(last.outputRel).toBeLessThan(first.outputRel);
      // Never far up on the way: Adam at lr 0.1 is stable here.
      for (const point of fit.history) expect(point.loss).toBeLessThanOrEqual(first.loss * 1.05);
    });
  }

  it('is deterministic from the seed and differs between seeds', () => {
    const run = (seed: number) => {
      const fit = HedgehogFit.fromInputs(
        { seed, n: 32, d: 8, temperature: 1, locality: 0, clustering: 0 },
        {
          r: 8,
          loss: 'output',
          lr: 0.1,
        },
      );
      fit.advance(20);
      return fit;
    };
    const a = run(5);
    const b = run(5);
    const c = run(6);
    expect(Array.from(a.w)).toEqual(Array.from(b.w));
    expect(a.history.map((p) => p.loss)).toEqual(b.history.map((p) => p.loss));
    expect(a.history[20].loss).not.toBe(c.history[20].loss);
  });

  it('breaks the symmetry of repeated identity columns (r > d)', () => {
    const w = initialProjection(1, 4, 8);
    // Columns c and c + 4 start from the same identity column; the seeded noise tells them apart.
    for (let a = 0; a < 4; a++) expect(w[a * 8 + 0]).not.toBe(w[a * 8 + 4]);
  });
});
