// The headless command line with the gated and delta-rule variants (extra inputs
// g, beta, u in the input JSON), exactly as the contract writes it:
//   npm run --silent engine -- run --variant ID --form FORM --backend cpu|webgpu --input FILE
import { describe, expect, it } from 'vitest';
import { runEngineCli as cli, vectorInputFile as inputFile, type VectorInput } from '../../../testing/cli';
import { loadVectors, maxAbsDiff, toleranceFor } from '../../../testing/vectors';

interface CliOutput {
  variant: string;
  form: string;
  backend: string;
  n: number;
  dv: number;
  o: number[];
  state?: number[];
  ms: number;
}

const vectors = new Map(
  loadVectors(['retnet', 'mamba2', 'gla', 'rwkv6', 'deltanet', 'gated-deltanet']).map((v) => [v.name, v]),
);

describe('engine CLI with the gated variants', () => {
  const cases: [string, string, string, string][] = [
    ['retnet-default', 'retnet', 'chunk', 'cpu'],
    ['mamba2-n70', 'mamba2', 'parallel', 'cpu'],
    ['rwkv6-basic', 'rwkv6', 'chunk', 'cpu'],
    ['deltanet-basic', 'deltanet', 'parallel', 'cpu'],
    ['gated-deltanet-basic', 'gated-deltanet', 'chunk', 'webgpu'],
    ['rwkv6-basic', 'rwkv6', 'recurrent', 'webgpu'],
  ];
  for (const [name, variant, form, backend] of cases) {
    it.concurrent(`${name} ${form} on ${backend} prints o and the dk×dv state`, async () => {
      const vector = vectors.get(name);
      if (!vector) throw new Error(`vector ${name} missing`);
      const params = form === 'chunk' ? { chunkSize: 16 } : {};
      const run = await cli([
        'run',
        '--variant',
        variant,
        '--form',
        form,
        '--backend',
        backend,
        '--input',
        inputFile(name, (input) => ({ ...input, params: { ...input.params, ...params } })),
      ]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const out = JSON.parse(run.stdout) as CliOutput;
      expect([out.variant, out.form, out.backend, out.n, out.dv]).toEqual([
        variant,
        form,
        backend,
        vector.problem.n,
        vector.problem.dv,
      ]);
      expect(maxAbsDiff(out.o, vector.expectedO)).toBeLessThanOrEqual(
        toleranceFor(vector.expectedO, vector.tol),
      );
      if (backend === 'cpu' || form !== 'parallel') {
        expect(out.state).toHaveLength(vector.problem.dk * vector.problem.dv);
        expect(maxAbsDiff(out.state ?? [], vector.expectedState ?? [])).toBeLessThanOrEqual(
          toleranceFor(vector.expectedState ?? [], vector.tol),
        );
      }
    });
  }

  const failures: [string, string, string, (input: VectorInput) => VectorInput, RegExp][] = [
    [
      'a positive gate',
      'mamba2-basic',
      'mamba2',
      (input) => ({ ...input, inputs: { g: (input.inputs?.g ?? []).map((x, i) => (i === 3 ? 0.25 : x)) } }),
      /^error: inputs\.g\[3\] = 0\.25 is positive; gates are log decays and must be ≤ 0/,
    ],
    [
      'β outside (0, 1)',
      'deltanet-basic',
      'deltanet',
      (input) => ({
        ...input,
        inputs: { beta: (input.inputs?.beta ?? []).map((x, i) => (i === 0 ? 1.5 : x)) },
      }),
      /^error: inputs\.beta\[0\] = 1\.5 is outside \(0, 1\)\n?$/,
    ],
    [
      'a missing bonus',
      'rwkv6-basic',
      'rwkv6',
      (input) => ({ ...input, inputs: { g: input.inputs?.g ?? [] } }),
      /^error: missing input "u" for variant "rwkv6"/,
    ],
  ];
  for (const [what, name, variant, edit, message] of failures) {
    it.concurrent(`rejects ${what}: exit 2, one line on stderr, nothing on stdout`, async () => {
      const run = await cli([
        'run',
        '--variant',
        variant,
        '--form',
        'chunk',
        '--backend',
        'cpu',
        '--input',
        inputFile(name, edit),
      ]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    });
  }
});
