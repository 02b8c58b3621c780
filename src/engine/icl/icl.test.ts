import { describe, expect, it } from 'vitest';
import {
  attentionPrediction,
  empiricalCovariance,
  gdPrediction,
  newtonRisk,
  optimalEta,
  preconditioner,
  pseudoInverse,
  riskCurve,
  scaledIdentity,
  scalarRisk,
  solveSpd,
  seededTask,
  streamingTable,
  workedExample,
} from './index';
import { computeRiskCurve, riskSteps } from './risk';

describe('§24 worked example', () => {
  const task = workedExample();
  it('Γ = I: scores (1, 2, 3), ŷ = 1 on both paths, w₁ = (1, 0)', () => {
    const { gamma } = preconditioner(task, 0);
    const attn = attentionPrediction(task, gamma);
    const gd = gdPrediction(task, gamma);
    expect(Array.from(attn.scores)).toEqual([1, 2, 3]);
    expect(attn.yhat).toBe(1);
    expect(gd.yhat).toBe(1);
    expect(Array.from(gd.w1)).toEqual([1, 0]);
  });
  it('Γ = Ŝ⁻¹ = [[2,−1],[−1,2]]: ŷ = 0 = OLS on both paths, w₁ = w*', () => {
    const { gamma, rank } = preconditioner(task, 1);
    expect(rank).toBe(2);
    [2, -1, -1, 2].forEach((g, i) => expect(gamma[i]).toBeCloseTo(g, 14));
    const attn = attentionPrediction(task, gamma);
    const gd = gdPrediction(task, gamma);
    expect(Math.abs(attn.yhat)).toBeLessThanOrEqual(1e-14);
    expect(Math.abs(gd.yhat)).toBeLessThanOrEqual(1e-14);
    expect(gd.w1[0]).toBeCloseTo(2, 14);
    expect(gd.w1[1]).toBeCloseTo(-1, 14);
  });
  it('halfway, s = 0.5, both paths give 0.5', () => {
    const { gamma } = preconditioner(task, 0.5);
    expect(attentionPrediction(task, gamma).yhat).toBeCloseTo(0.5, 14);
    expect(gdPrediction(task, gamma).yhat).toBeCloseTo(0.5, 14);
  });
});

describe('attention prediction = one GD step', () => {
  for (const seed of [1, 2, 3, 42, 1234]) {
    for (const [d, M, s, noise] of [
      [2, 3, 0, 0],
      [4, 16, 0.5, 0.3],
      [8, 5, 1, 1],
      [6, 64, 0.25, 0],
    ] as const) {
      it(`seed ${seed}, d=${d}, M=${M}, s=${s}: |ŷ_attn − ŷ_gd| ≤ 1e-9`, () => {
        const task = seededTask(seed, d, M, noise);
        const { gamma } = preconditioner(task, s);
        const a = attentionPrediction(task, gamma).yhat;
        const b = gdPrediction(task, gamma).yhat;
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9);
        expect(Number.isFinite(a)).toBe(true);
      });
    }
  }
});

describe('pseudo-inverse of Ŝ', () => {
  it('is the inverse when Ŝ is invertible', () => {
    const task = seededTask(5, 4, 20, 0);
    const S = empiricalCovariance(task);
    const { inverse, rank } = pseudoInverse(S, 4);
    expect(rank).toBe(4);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        let e = 0;
        for (let k = 0; k < 4; k++) e += S[i * 4 + k] * inverse[k * 4 + j];
        expect(e).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
  });
  it('Cholesky solve agrees with the pseudo-inverse, and refuses a singular Ŝ', () => {
    const d = 5;
    const task = seededTask(13, d, 12, 0);
    const S = empiricalCovariance(task);
    const z = solveSpd(S, task.xq, d)!;
    const { inverse } = pseudoInverse(S, d);
    for (let i = 0; i < d; i++) {
      let e = 0;
      for (let j = 0; j < d; j++) e += inverse[i * d + j] * task.xq[j];
      expect(z[i]).toBeCloseTo(e, 10);
    }
    expect(solveSpd(empiricalCovariance(seededTask(13, d, 3, 0)), task.xq, d)).toBeNull();
  });
  it('with M < d has rank M and satisfies Ŝ Ŝ⁺ Ŝ = Ŝ; the Newton step interpolates the examples', () => {
    const d = 6;
    const task = seededTask(9, d, 3, 0);
    const S = empiricalCovariance(task);
    const { inverse, rank } = pseudoInverse(S, d);
    expect(rank).toBe(3);
    const mul = (A: Float64Array, B: Float64Array) => {
      const C = new Float64Array(d * d);
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) C[i * d + j] += A[i * d + k] * B[k * d + j];
      return C;
    };
    const SSS = mul(mul(S, inverse), S);
    for (let e = 0; e < d * d; e++) expect(SSS[e]).toBeCloseTo(S[e], 10);
    // w₁ = Ŝ⁺ b is the minimum-norm solution: x_i·w₁ = y_i for every example.
    const { w1 } = gdPrediction(task, preconditioner(task, 1).gamma);
    for (let i = 0; i < 3; i++) {
      let fit = 0;
      for (let a = 0; a < d; a++) fit += task.xs[i * d + a] * w1[a];
      expect(fit).toBeCloseTo(task.ys[i], 9);
    }
  });
});

describe('risk against M', () => {
  it('is deterministic from the seed and independent of chunking', async () => {
    const options = { seed: 3, d: 4, noise: 0.5, s: 0.3, tasks: 150, ms: [2, 8, 32] };
    const sync = riskCurve(options);
    const chunked = await computeRiskCurve(options, { chunk: 7 });
    expect(chunked).toEqual(sync);
    expect(riskCurve({ ...options, seed: 4 })).not.toEqual(sync);
  });
  it('Newton reaches zero risk without noise once M ≥ d, GD with η = 1 does not', () => {
    const [under, over] = riskCurve({ seed: 1, d: 4, noise: 0, s: 0, tasks: 400, ms: [2, 16] });
    expect(under.newton).toBeGreaterThan(0.1);
    expect(over.newton).toBeLessThan(1e-20);
    expect(over.gd).toBeGreaterThan(0.1);
    expect(over.reader).toBe(over.gd);
  });
  it('η* = M/(M+1+d+σ²) beats 0.9η* and 1.1η* (Monte Carlo)', () => {
    const d = 4;
    const M = 8;
    const noise = 0.5;
    const eta = optimalEta(d, M, noise);
    const risk = (factor: number) => {
      // Γ = factor·η*·I expressed as the reader's mix: Γ(s) with Ŝ⁺ off, scaled: use scaledIdentity directly.
      let sum = 0;
      const tasks = 20000;
      for (let i = 0; i < tasks; i++) {
        const task = seededTask(100000 + i, d, M, noise);
        const y = gdPrediction(task, scaledIdentity(d, factor * eta)).yhat;
        sum += (y - task.yq) ** 2;
      }
      return sum / tasks;
    };
    const best = risk(1);
    expect(best).toBeLessThan(risk(0.9));
    expect(best).toBeLessThan(risk(1.1));
    expect(optimalEta(2, 4, 0)).toBeCloseTo(4 / 7, 15);
  });
  it('Monte Carlo agrees with the closed forms d(d+1+σ²)/M, d(1−η*) and σ²d/(M−d−1)', () => {
    const d = 4;
    const noise = 0.5;
    const points = riskCurve({ seed: 2, d, noise, s: 0, tasks: 4000, ms: [8, 32] });
    for (const p of points) {
      expect(p.gd / scalarRisk(d, p.M, noise, 1)).toBeGreaterThan(0.9);
      expect(p.gd / scalarRisk(d, p.M, noise, 1)).toBeLessThan(1.1);
      const eta = optimalEta(d, p.M, noise);
      expect(scalarRisk(d, p.M, noise, eta)).toBeCloseTo(d * (1 - eta), 12);
      expect(p.optimal / scalarRisk(d, p.M, noise, eta)).toBeGreaterThan(0.9);
      expect(p.optimal / scalarRisk(d, p.M, noise, eta)).toBeLessThan(1.1);
      expect(p.newton / newtonRisk(d, p.M, noise)).toBeGreaterThan(0.85);
      expect(p.newton / newtonRisk(d, p.M, noise)).toBeLessThan(1.15);
    }
    // Within four standard errors of the closed forms.
    for (const p of points) {
      expect(Math.abs(p.gd - scalarRisk(d, p.M, noise, 1))).toBeLessThan(4 * p.se.gd);
      const eta = optimalEta(d, p.M, noise);
      expect(Math.abs(p.optimal - scalarRisk(d, p.M, noise, eta))).toBeLessThan(4 * p.se.optimal);
      expect(p.se.gd).toBeGreaterThan(0);
    }
    expect(newtonRisk(4, 5, 1)).toBeNaN();
    expect(newtonRisk(4, 4, 0)).toBe(0);
    expect(newtonRisk(4, 3, 0)).toBeNaN();
  });
  it('yields progress between chunks', () => {
    const steps = riskSteps({ seed: 1, d: 2, noise: 0, s: 0, tasks: 10, ms: [1, 2] }, 5);
    const fractions: number[] = [];
    for (let next = steps.next(); !next.done; next = steps.next()) fractions.push(next.value);
    expect(fractions).toEqual([0.25, 0.5, 0.75, 1]);
  });
});

describe('streaming view', () => {
  it('linear attention state = GD accumulator; DeltaNet state = online SGD weights', () => {
    const task = seededTask(7, 3, 10, 0.2);
    const rows = streamingTable(task, 0.2, 6);
    expect(rows.length).toBe(6);
    for (const row of rows) {
      for (let a = 0; a < 3; a++) {
        expect(row.attentionState[a]).toBeCloseTo(row.gdAccumulator[a], 12);
        expect(row.deltaState[a]).toBeCloseTo(row.sgdWeights[a], 12);
      }
    }
    // The accumulator really accumulates: S_1 = x_1 y_1.
    for (let a = 0; a < 3; a++) expect(rows[0].attentionState[a]).toBeCloseTo(task.xs[a] * task.ys[0], 14);
  });
});
