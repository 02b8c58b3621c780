// The headless command line with hla2, exactly as the contract writes it:
//   npm run --silent engine -- run --variant hla2 --form FORM --backend cpu|webgpu --input FILE
import { describe, expect, it } from 'vitest';
import { runEngineCli as cli, vectorInputWithParams } from '../../testing/cli';
import { loadVectors, maxAbsDiff, toleranceFor } from '../../testing/vectors';

const [vector] = loadVectors(['hla2']);

describe('engine CLI with hla2', () => {
  const cases: [string, string][] = [
    ['chunk', 'cpu'],
    ['recurrent', 'webgpu'],
  ];
  for (const [form, backend] of cases) {
    it.concurrent(`hla2-basic ${form} on ${backend} prints o and the [S^K, C, G] state`, async () => {
      const run = await cli([
        'run',
        '--variant',
        'hla2',
        '--form',
        form,
        '--backend',
        backend,
        '--input',
        vectorInputWithParams('hla2-basic', form === 'chunk' ? { chunkSize: 16 } : {}),
      ]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const out = JSON.parse(run.stdout) as {
        variant: string;
        backend: string;
        o: number[];
        state: number[];
      };
      expect([out.variant, out.backend]).toEqual(['hla2', backend]);
      expect(maxAbsDiff(out.o, vector.expectedO)).toBeLessThanOrEqual(
        toleranceFor(vector.expectedO, vector.tol),
      );
      expect(out.state).toHaveLength(16 + 2 * 16);
      expect(maxAbsDiff(out.state, vector.expectedState ?? [])).toBeLessThanOrEqual(
        toleranceFor(vector.expectedState ?? [], vector.tol),
      );
    });
  }

  it('rejects causal=false with a clear message', async () => {
    const run = await cli([
      'run',
      '--variant',
      'hla2',
      '--form',
      'parallel',
      '--backend',
      'cpu',
      '--input',
      vectorInputWithParams('hla2-basic', { causal: false }),
    ]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/causal/);
  });
});
