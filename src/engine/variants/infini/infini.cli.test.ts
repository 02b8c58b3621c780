// The headless command line with infini, exactly as the contract writes it:
//   npm run --silent engine -- run --variant infini --form FORM --backend cpu|webgpu --input FILE
import { describe, expect, it } from 'vitest';
import { runEngineCli as cli, vectorInputWithParams } from '../../testing/cli';
import { loadVectors, maxAbsDiff, toleranceFor } from '../../testing/vectors';

const [vector] = loadVectors(['infini']);

describe('engine CLI with infini', () => {
  const cases: [form: string, backend: string][] = [
    ['chunk', 'cpu'],
    ['parallel', 'webgpu'],
  ];
  for (const [form, backend] of cases) {
    it.concurrent(`infini-seg16 ${form} on ${backend} prints o and the memory M (dk×dv)`, async () => {
      const run = await cli([
        'run',
        '--variant',
        'infini',
        '--form',
        form,
        '--backend',
        backend,
        '--input',
        vectorInputWithParams('infini-seg16', form === 'chunk' ? { chunkSize: 16 } : {}),
      ]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const out = JSON.parse(run.stdout) as { variant: string; form: string; o: number[]; state?: number[] };
      expect([out.variant, out.form]).toEqual(['infini', form]);
      expect(maxAbsDiff(out.o, vector.expectedO)).toBeLessThanOrEqual(
        toleranceFor(vector.expectedO, vector.tol),
      );
      expect(out.state).toHaveLength(vector.problem.dk * vector.problem.dv);
      expect(maxAbsDiff(out.state ?? [], vector.expectedState ?? [])).toBeLessThanOrEqual(
        toleranceFor(vector.expectedState ?? [], vector.tol),
      );
    });
  }

  it.concurrent('rejects a non-causal request: exit 2, one line on stderr, nothing on stdout', async () => {
    const run = await cli([
      'run',
      '--variant',
      'infini',
      '--form',
      'parallel',
      '--backend',
      'cpu',
      '--input',
      vectorInputWithParams('infini-seg16', { causal: false }),
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: variant "infini" is causal only/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
