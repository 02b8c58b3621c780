// The headless command line with hla2, exactly as the contract writes it:
//   npm run --silent engine -- run --variant hla2 --form FORM --backend cpu|webgpu --input FILE
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEngineCli as cli } from '../../testing/cli';
import { loadVectors, maxAbsDiff, toleranceFor, VECTORS_DIR } from '../../testing/vectors';

const scratch = mkdtempSync(join(tmpdir(), 'hla2-cli-'));
const [vector] = loadVectors(['hla2']);

function inputFile(params: Record<string, unknown>): string {
  const raw = JSON.parse(readFileSync(join(VECTORS_DIR, 'hla2-basic.json'), 'utf8')) as {
    input: { params?: Record<string, unknown> };
  };
  const path = join(scratch, `hla2-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ ...raw.input, params: { ...raw.input.params, ...params } }));
  return path;
}

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
        inputFile(form === 'chunk' ? { chunkSize: 16 } : {}),
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
      inputFile({ causal: false }),
    ]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/causal/);
  });
});
