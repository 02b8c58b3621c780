// Linformer and Nyströmformer on the CPU: the shared vectors, the contract's
// rejections, weights()·V = o, the pseudo-inverse's Moore–Penrose conditions,
// and the command line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix, pseudoInverse as mlPinv } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { cpuWeights, runCpu } from '../../cpu';
import { createRng } from '../../inputs/random';
import { linformerProjections } from '../../inputs/projections';
import { runEngineCli } from '../../testing/cli';
import { loadVectors, maxAbsDiff, toleranceFor, VECTORS_DIR } from '../../testing/vectors';
import type { AttentionProblem } from '../../types';
import { jacobiSvd, pseudoInverse } from './pinv';

const vectors = loadVectors(['linformer', 'nystrom']);

function randomProblem(n: number, d: number, seed: number, heads = 1): AttentionProblem {
  const rng = createRng(seed);
  const fill = (len: number) => Array.from({ length: len }, () => rng.nextNormal());
  return { n, dk: d, dv: d, heads, q: fill(heads * n * d), k: fill(heads * n * d), v: fill(heads * n * d) };
}

function mul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let t = 0; t < m; t++) for (let j = 0; j < m; j++) c[i * m + j] += a[i * m + t] * b[t * m + j];
  return c;
}

describe('linformer and nystrom vectors (CPU)', () => {
  it('finds both vectors', () => {
    expect(vectors.map((v) => v.name)).toEqual(['linformer-k8', 'nystrom-m8']);
  });
  for (const vector of vectors) {
    it(`${vector.name} passes far inside the tolerance`, () => {
      const result = runCpu({ variant: vector.variant, form: 'parallel', problem: vector.problem });
      const diff = maxAbsDiff(result.o, vector.expectedO);
      expect(diff).toBeLessThanOrEqual(toleranceFor(vector.expectedO, vector.tol));
      expect(diff).toBeLessThan(1e-9);
      expect(result.state).toBeUndefined();
    });
    it(`${vector.name}: weights of head 0 times V give the output`, () => {
      const { n, dv } = vector.problem;
      const w = cpuWeights({ variant: vector.variant, problem: vector.problem }).host as Float64Array;
      const o = runCpu({ variant: vector.variant, form: 'parallel', problem: vector.problem }).o;
      let worst = 0;
      for (let i = 0; i < n; i++)
        for (let c = 0; c < dv; c++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += w[i * n + j] * Number(vector.problem.v[j * dv + c]);
          worst = Math.max(worst, Math.abs(s - o[i * dv + c]));
        }
      expect(worst).toBeLessThan(1e-12);
    });
  }

  it('nystrom: the scale multiplies every score (d^{-1/4} on Q and K each for the default)', () => {
    const vector = vectors[1];
    const d = vector.problem.dk;
    const explicit = runCpu({
      variant: 'nystrom',
      form: 'parallel',
      problem: { ...vector.problem, params: { causal: false, landmarks: 8, scale: 1 / Math.sqrt(d) } },
    });
    expect(maxAbsDiff(explicit.o, vector.expectedO)).toBeLessThan(1e-9);
    const other = runCpu({
      variant: 'nystrom',
      form: 'parallel',
      problem: { ...vector.problem, params: { causal: false, landmarks: 8, scale: 1 / d } },
    });
    expect(maxAbsDiff(other.o, vector.expectedO)).toBeGreaterThan(1e-2);
  });
});

describe('contract rejections', () => {
  const p = randomProblem(32, 4, 1);
  it('both reject causal = true', () => {
    const { E, F } = linformerProjections({ n: 32, kproj: 4, seed: 1 });
    expect(() =>
      runCpu({
        variant: 'linformer',
        form: 'parallel',
        problem: { ...p, params: { causal: true }, inputs: { E, F } },
      }),
    ).toThrow(/causal/);
    expect(() =>
      runCpu({
        variant: 'nystrom',
        form: 'parallel',
        problem: { ...p, params: { causal: true, landmarks: 8 } },
      }),
    ).toThrow(/causal/);
  });
  it('nystrom rejects n not a multiple of landmarks, and landmarks > n', () => {
    const q = randomProblem(30, 4, 2);
    expect(() =>
      runCpu({ variant: 'nystrom', form: 'parallel', problem: { ...q, params: { landmarks: 8 } } }),
    ).toThrow(/multiple of landmarks.*n = 30, landmarks = 8; try landmarks = 6/);
    expect(() =>
      runCpu({
        variant: 'nystrom',
        form: 'parallel',
        problem: { ...randomProblem(8, 2, 3), params: { landmarks: 16 } },
      }),
    ).toThrow(/landmarks ≤ n/);
  });
  it('linformer rejects missing, mismatched or badly shaped E, F', () => {
    const { E, F } = linformerProjections({ n: 32, kproj: 4, seed: 1 });
    expect(() =>
      runCpu({ variant: 'linformer', form: 'parallel', problem: { ...p, inputs: { E } } }),
    ).toThrow(/F/);
    expect(() =>
      runCpu({ variant: 'linformer', form: 'parallel', problem: { ...p, inputs: { E, F: F.slice(0, 64) } } }),
    ).toThrow(/same shape/);
    expect(() =>
      runCpu({ variant: 'linformer', form: 'parallel', problem: { ...p, inputs: { E: E.slice(0, 33), F } } }),
    ).toThrow();
    expect(() =>
      runCpu({ variant: 'linformer', form: 'recurrent', problem: { ...p, inputs: { E, F } } }),
    ).toThrow(/recurrent/);
  });
});

describe('linformer facts', () => {
  it('with E = F = identity (kproj = n) it is exact non-causal softmax', () => {
    const n = 12;
    const p = randomProblem(n, 3, 4, 2);
    const eye = Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0));
    const lin = runCpu({
      variant: 'linformer',
      form: 'parallel',
      problem: { ...p, inputs: { E: eye, F: eye } },
    });
    const soft = runCpu({
      variant: 'softmax',
      form: 'parallel',
      problem: { ...p, params: { causal: false } },
    });
    expect(maxAbsDiff(lin.o, soft.o)).toBeLessThan(1e-12);
  });
  it('seeded projections are reproducible, N(0, 1/n), and differ per seed', () => {
    const a = linformerProjections({ n: 64, kproj: 16, seed: 7 });
    const b = linformerProjections({ n: 64, kproj: 16, seed: 7 });
    const c = linformerProjections({ n: 64, kproj: 16, seed: 8 });
    expect(Array.from(a.E)).toEqual(Array.from(b.E));
    expect(maxAbsDiff(a.E, c.E)).toBeGreaterThan(0.1);
    expect(maxAbsDiff(a.E, a.F)).toBeGreaterThan(0.1);
    const variance = Array.from(a.E).reduce((s, x) => s + x * x, 0) / a.E.length;
    expect(variance * 64).toBeGreaterThan(0.8);
    expect(variance * 64).toBeLessThan(1.2);
  });
});

describe('nystrom facts', () => {
  it('with m = n landmarks it is exact non-causal softmax (A2 = A1 = A3 = the full map)', () => {
    const p = randomProblem(8, 3, 5, 2);
    const ny = runCpu({ variant: 'nystrom', form: 'parallel', problem: { ...p, params: { landmarks: 8 } } });
    const soft = runCpu({
      variant: 'softmax',
      form: 'parallel',
      problem: { ...p, params: { causal: false } },
    });
    expect(maxAbsDiff(ny.o, soft.o)).toBeLessThan(1e-9);
  });
  it('duplicate landmarks (a singular kernel) stay finite: the pseudo-inverse drops the null space', () => {
    // Every token identical ⇒ all landmarks equal ⇒ A2 has rank 1 and every row of the map is uniform.
    const n = 16;
    const p = randomProblem(n, 2, 6);
    const q = Array.from({ length: n * 2 }, (_, i) => (i % 2 === 0 ? 0.3 : -0.2));
    const result = runCpu({
      variant: 'nystrom',
      form: 'parallel',
      problem: { ...p, q, k: q, params: { landmarks: 4 } },
    });
    for (let c = 0; c < 2; c++) {
      let mean = 0;
      for (let j = 0; j < n; j++) mean += Number(p.v[j * 2 + c]) / n;
      for (let i = 0; i < n; i++) expect(result.o[i * 2 + c]).toBeCloseTo(mean, 12);
    }
  });
});

describe('Jacobi pseudo-inverse', () => {
  it('meets the four Moore–Penrose conditions and agrees with ml-matrix', () => {
    const rng = createRng(9);
    for (const m of [1, 2, 5, 16, 33]) {
      const a = Float64Array.from({ length: m * m }, () => rng.nextNormal());
      const z = pseudoInverse(a, m);
      expect(maxAbsDiff(mul(mul(a, z, m), a, m), a)).toBeLessThan(1e-10);
      expect(maxAbsDiff(mul(mul(z, a, m), z, m), z)).toBeLessThan(1e-8);
      const ref = mlPinv(
        new Matrix(Array.from({ length: m }, (_, i) => Array.from(a.subarray(i * m, i * m + m)))),
      );
      expect(maxAbsDiff(z, ref.to1DArray())).toBeLessThan(1e-8);
    }
  });
  it('handles rank-deficient matrices like ml-matrix (rank 2 of 6)', () => {
    const rng = createRng(10);
    const m = 6;
    const x = Float64Array.from({ length: m * 2 }, () => rng.nextNormal());
    const y = Float64Array.from({ length: 2 * m }, () => rng.nextNormal());
    const a = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) a[i * m + j] = x[i * 2] * y[j] + x[i * 2 + 1] * y[m + j];
    const svd = jacobiSvd(a, m);
    expect(Array.from(svd.sigma).filter((s) => s > 1e-10)).toHaveLength(2);
    const z = pseudoInverse(a, m);
    expect(maxAbsDiff(mul(mul(a, z, m), a, m), a)).toBeLessThan(1e-10);
    const ref = mlPinv(
      new Matrix(Array.from({ length: m }, (_, i) => Array.from(a.subarray(i * m, i * m + m)))),
    );
    expect(maxAbsDiff(z, ref.to1DArray())).toBeLessThan(1e-8);
  });
  it('the zero matrix has the zero pseudo-inverse', () => {
    expect(Array.from(pseudoInverse(new Float64Array(9), 3))).toEqual(new Array(9).fill(0));
  });
});

describe('command line', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'lowrank-cli-'));
  for (const name of ['linformer-k8', 'nystrom-m8']) {
    for (const backend of ['cpu', 'webgpu'] as const) {
      it(`${name} on the ${backend} backend`, async () => {
        const raw = JSON.parse(readFileSync(join(VECTORS_DIR, `${name}.json`), 'utf8')) as {
          input: unknown;
          variant: string;
          expected_o: number[];
        };
        const input = join(scratch, `${name}.json`);
        writeFileSync(input, JSON.stringify(raw.input));
        const run = await runEngineCli([
          'run',
          '--variant',
          raw.variant,
          '--form',
          'parallel',
          '--backend',
          backend,
          '--input',
          input,
        ]);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const out = JSON.parse(run.stdout) as {
          o: number[];
          variant: string;
          backend: string;
          state?: unknown;
        };
        expect([out.variant, out.backend]).toEqual([raw.variant, backend]);
        expect(out.state).toBeUndefined();
        expect(maxAbsDiff(out.o, raw.expected_o)).toBeLessThanOrEqual(
          backend === 'cpu' ? 1e-9 : toleranceFor(raw.expected_o, 1e-3),
        );
      }, 60_000);
    }
  }
  it('rejects a causal nystrom run with exit status 2 and one line', async () => {
    const raw = JSON.parse(readFileSync(join(VECTORS_DIR, 'nystrom-m8.json'), 'utf8')) as {
      input: { params: object };
    };
    const input = join(scratch, 'nystrom-causal.json');
    writeFileSync(input, JSON.stringify({ ...raw.input, params: { causal: true, landmarks: 8 } }));
    const run = await runEngineCli([
      'run',
      '--variant',
      'nystrom',
      '--form',
      'parallel',
      '--backend',
      'cpu',
      '--input',
      input,
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/causal/);
  }, 60_000);
});

describe('cost model', () => {
  it('linformer and nystrom FLOPs are linear in n; the pieces add up', async () => {
    const { flopCount, memoryFootprint } = await import('../../analysis/cost');
    const lin = (n: number) => flopCount('linformer', 'parallel', { n, dk: 8, dv: 8, features: 32 });
    const ny = (n: number) => flopCount('nystrom', 'parallel', { n, dk: 8, dv: 8 }, { landmarks: 16 });
    expect(lin(1024)).toBe(4 * 1024 * 32 * 16);
    expect(lin(2048) / lin(1024)).toBe(2);
    expect(ny(1024)).toBe(2 * 16 * (2 * 1024 * 16 + 256) + 2 * 4096);
    expect(ny(4096) / ny(2048)).toBeCloseTo(2, 1);
    expect(() => flopCount('linformer', 'parallel', { n: 8, dk: 2, dv: 2 })).toThrow(/features/);
    expect(
      memoryFootprint('linformer', 'parallel', { n: 100, dk: 4, dv: 4, features: 8 }).materializesMatrix,
    ).toBe(false);
  });
});
