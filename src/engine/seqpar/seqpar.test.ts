import { describe, expect, it } from 'vitest';
import { runCpu } from '../cpu';
import { generateProblem } from '../inputs/generate';
import {
  lasp2FormulaFloats,
  meanPerDevice,
  ringFormulaFloats,
  simulateLasp2,
  simulateRing,
  splitSizes,
  trafficRatio,
  trafficSweep,
} from './index';

function inputs(n: number, d: number, seed = 7) {
  return generateProblem({ seed, n, dk: d, dv: d, temperature: 1, locality: 0, clustering: 0 });
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

describe('splitSizes', () => {
  it('gives the first n mod W devices one extra token', () => {
    expect(splitSizes(10, 4)).toEqual([3, 3, 2, 2]);
    expect(splitSizes(64, 4)).toEqual([16, 16, 16, 16]);
    expect(() => splitSizes(4, 5)).toThrow(/1 to n = 4/);
  });
});

describe('LASP-2 simulation', () => {
  const cases = [
    { n: 64, d: 8, W: 4 },
    { n: 37, d: 4, W: 5 },
    { n: 16, d: 8, W: 1 },
    { n: 33, d: 6, W: 33 },
  ];
  for (const featureMap of ['identity', 'elu1', 'relu'] as const) {
    for (const { n, d, W } of cases) {
      it(`equals the single-device linear attention (${featureMap}, n=${n}, W=${W})`, () => {
        const p = inputs(n, d);
        const single = runCpu({
          variant: 'linear',
          form: 'recurrent',
          problem: { ...p, n, dk: d, dv: d, params: { featureMap, normalize: false, causal: true } },
        }).o;
        const run = simulateLasp2({ ...p, n, dk: d, dv: d }, W, { featureMap, gamma: 1, scale: 1 });
        expect(maxAbsDiff(run.o!, single)).toBeLessThanOrEqual(1e-12 * Math.max(1, maxAbs(single)));
      });
    }
  }

  it('with decay γ equals RetNet on one device', () => {
    const n = 45;
    const d = 8;
    const p = inputs(n, d, 3);
    const gamma = 0.9;
    const scale = 1 / Math.sqrt(d);
    const single = runCpu({
      variant: 'retnet',
      form: 'recurrent',
      problem: { ...p, n, dk: d, dv: d, params: { gamma, scale, causal: true } },
    }).o;
    const run = simulateLasp2({ ...p, n, dk: d, dv: d }, 4, { featureMap: 'identity', gamma, scale });
    expect(maxAbsDiff(run.o!, single)).toBeLessThanOrEqual(1e-12 * Math.max(1, maxAbs(single)));
    // One extra float per state: the chunk total γ^{C_t}.
    expect(run.traffic.received).toEqual([3, 3, 3, 3].map((x) => x * (d * d + 1)));
  });

  it('delivers (W−1)·dk·dv floats to every device, whatever n', () => {
    for (const W of [2, 3, 4, 8, 16]) {
      for (const n of [64, 100, 1024]) {
        const run = simulateLasp2({ n, dk: 8, dv: 8 }, W, { featureMap: 'identity', gamma: 1, scale: 1 });
        expect(run.traffic.received).toEqual(new Array(W).fill(lasp2FormulaFloats(W, 8, 8)));
        expect(run.traffic.sent).toEqual(new Array(W).fill((W - 1) * 64));
        expect(run.traffic.messages.length).toBe(W * (W - 1));
        expect(lasp2FormulaFloats(W, 8, 8)).toBe((W - 1) * 64);
      }
    }
  });

  it('counting mode moves the same messages as compute mode', () => {
    const p = inputs(40, 4);
    const computed = simulateLasp2({ ...p, n: 40, dk: 4, dv: 4 }, 5, {
      featureMap: 'elu1',
      gamma: 1,
      scale: 1,
    });
    const counted = simulateLasp2({ n: 40, dk: 4, dv: 4 }, 5, { featureMap: 'elu1', gamma: 1, scale: 1 });
    expect(counted.traffic).toEqual(computed.traffic);
  });
});

describe('Ring Attention simulation', () => {
  for (const { n, d, W } of [
    { n: 64, d: 8, W: 4 },
    { n: 37, d: 4, W: 5 },
    { n: 16, d: 8, W: 1 },
    { n: 24, d: 4, W: 24 },
  ]) {
    it(`equals the single-device causal softmax (n=${n}, W=${W})`, () => {
      const p = inputs(n, d, 11);
      const scale = 1 / Math.sqrt(d);
      const single = runCpu({
        variant: 'softmax',
        form: 'parallel',
        problem: { ...p, n, dk: d, dv: d, params: { causal: true, scale } },
      }).o;
      const run = simulateRing({ ...p, n, dk: d, dv: d }, W, { scale });
      expect(maxAbsDiff(run.o!, single)).toBeLessThanOrEqual(1e-12);
    });
  }

  it('sends and receives (W−1)·2·C·d floats per device when W divides n', () => {
    for (const W of [2, 4, 8]) {
      for (const n of [64, 256, 1024]) {
        const d = 16;
        const C = n / W;
        const run = simulateRing({ n, dk: d, dv: d }, W, { scale: 1 });
        expect(run.traffic.sent).toEqual(new Array(W).fill((W - 1) * 2 * C * d));
        expect(run.traffic.received).toEqual(new Array(W).fill((W - 1) * 2 * C * d));
        expect(ringFormulaFloats(n, W, d, d)).toBe((W - 1) * 2 * C * d);
      }
    }
  });

  it('with an uneven split, device t receives every block but its own: 2d(n − C_t); the mean is 2d·n(W−1)/W', () => {
    const n = 10;
    const W = 4;
    const d = 3;
    const run = simulateRing({ n, dk: d, dv: d }, W, { scale: 1 });
    const sizes = splitSizes(n, W);
    expect(run.traffic.received).toEqual(sizes.map((c) => 2 * d * (n - c)));
    // Sent: every block but the right-hand neighbour's.
    expect(run.traffic.sent).toEqual(sizes.map((_, t) => 2 * d * (n - sizes[(t + 1) % W])));
    expect(meanPerDevice(run.traffic.received)).toBeCloseTo(ringFormulaFloats(n, W, d, d), 12);
  });
});

describe('traffic sweep', () => {
  it('counted traffic equals the formulas at every n, and the ratio is d/(2C)', () => {
    const W = 8;
    const d = 64;
    const points = trafficSweep([64, 256, 4096, 65536, 1 << 20], W, d);
    for (const p of points) {
      expect(p.lasp2Simulated).toBe(p.lasp2Formula);
      expect(p.ringSimulated).toBeCloseTo(p.ringFormula, 6);
      expect(p.lasp2Simulated / p.ringSimulated).toBeCloseTo(d / (2 * (p.n / W)), 12);
      expect(trafficRatio(p.n, W, d, d)).toBeCloseTo(d / (2 * (p.n / W)), 12);
    }
    // Crossover at C = d/2: n = W·d/2 = 256.
    expect(points[1].lasp2Simulated).toBe(points[1].ringSimulated);
  });
});
