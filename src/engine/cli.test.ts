// The headless command line, run exactly as the contract writes it:
//   npm run --silent engine -- run --variant ID --form FORM --backend cpu|webgpu --input FILE [--output FILE]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEngineCli as cli } from './testing/cli';
import { implementedVariants } from './variants/registry';
import { loadVectors, maxAbsDiff, toleranceFor, VECTORS_DIR } from './testing/vectors';

const scratch = mkdtempSync(join(tmpdir(), 'engine-cli-'));

function writeInput(name: string, content: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const vectorFile = (name: string) => join(VECTORS_DIR, `${name}.json`);
/** The vector's input as a file of its own (the CLI reads the bare input JSON). */
function vectorInput(name: string, params: Record<string, unknown> = {}): string {
  const raw = JSON.parse(readFileSync(vectorFile(name), 'utf8')) as { input: { params: object } };
  return writeInput(`${name}-${Object.keys(params).join('-')}.json`, {
    ...raw.input,
    params: { ...raw.input.params, ...params },
  });
}

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
  loadVectors(['softmax', 'swa', 'linear', 'performer', 'based', 'inline', 'rala', 'cosformer']).map((v) => [
    v.name,
    v,
  ]),
);

describe('engine CLI: results', () => {
  const cases: [string, string, string, Record<string, unknown>][] = [
    ['softmax-causal', 'softmax', 'recurrent', {}],
    ['softmax-noncausal', 'softmax', 'flash', {}],
    ['swa-w8', 'swa', 'flash', {}],
    ['linear-elu1', 'linear', 'chunk', { chunkSize: 16 }],
    ['linear-identity-noncausal', 'linear', 'parallel', {}],
    // The feature-map variants of issue 3: extra inputs (projection) and a non-causal-only variant.
    ['performer-m16', 'performer', 'chunk', { chunkSize: 16 }],
    ['based-basic', 'based', 'recurrent', {}],
    ['inline-identity', 'inline', 'parallel', {}],
    ['rala-basic', 'rala', 'parallel', {}],
  ];
  for (const [name, variant, form, params] of cases) {
    it.concurrent(`${name} ${form} on the CPU prints the contract JSON`, async () => {
      const vector = vectors.get(name);
      if (!vector) throw new Error(`vector ${name} missing`);
      const run = await cli([
        'run',
        '--variant',
        variant,
        '--form',
        form,
        '--backend',
        'cpu',
        '--input',
        vectorInput(name, params),
      ]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.endsWith('\n')).toBe(true);
      const out = JSON.parse(run.stdout) as CliOutput;
      expect(Object.keys(out)).toEqual(
        vector.expectedState
          ? ['variant', 'form', 'backend', 'n', 'dv', 'o', 'state', 'ms']
          : ['variant', 'form', 'backend', 'n', 'dv', 'o', 'ms'],
      );
      expect([out.variant, out.form, out.backend, out.n, out.dv]).toEqual([
        variant,
        form,
        'cpu',
        vector.problem.n,
        vector.problem.dv,
      ]);
      expect(maxAbsDiff(out.o, vector.expectedO)).toBeLessThanOrEqual(
        toleranceFor(vector.expectedO, vector.tol),
      );
      if (vector.expectedState) expect(maxAbsDiff(out.state ?? [], vector.expectedState)).toBeLessThan(1e-9);
      expect(out.ms).toBeGreaterThanOrEqual(0);
    });
  }

  it.concurrent('--output writes the JSON to the file and nothing to stdout', async () => {
    const output = join(scratch, 'out.json');
    const run = await cli([
      'run',
      '--variant',
      'swa',
      '--form',
      'parallel',
      '--backend',
      'cpu',
      '--input',
      vectorInput('swa-w5'),
      '--output',
      output,
    ]);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
    const out = JSON.parse(readFileSync(output, 'utf8')) as CliOutput;
    expect(maxAbsDiff(out.o, vectors.get('swa-w5')?.expectedO ?? [])).toBeLessThan(1e-9);
  });

  it.concurrent('--backend webgpu runs a feature-map variant with its projection input', async () => {
    const vector = vectors.get('performer-m16');
    const run = await cli([
      'run',
      '--variant',
      'performer',
      '--form',
      'recurrent',
      '--backend',
      'webgpu',
      '--input',
      vectorInput('performer-m16'),
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as CliOutput;
    expect([out.backend, out.variant, out.form]).toEqual(['webgpu', 'performer', 'recurrent']);
    expect(maxAbsDiff(out.o, vector?.expectedO ?? [])).toBeLessThanOrEqual(
      toleranceFor(vector?.expectedO ?? [], 1e-3),
    );
    expect(maxAbsDiff(out.state ?? [], vector?.expectedState ?? [])).toBeLessThanOrEqual(
      toleranceFor(vector?.expectedState ?? [], 1e-3),
    );
  });

  it.concurrent(
    '--backend webgpu runs the GPU engine (software Vulkan without a GPU) and exits',
    async () => {
      const vector = vectors.get('linear-elu1');
      const run = await cli([
        'run',
        '--variant',
        'linear',
        '--form',
        'recurrent',
        '--backend',
        'webgpu',
        '--input',
        vectorInput('linear-elu1'),
      ]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const out = JSON.parse(run.stdout) as CliOutput;
      expect(out.backend).toBe('webgpu');
      expect(maxAbsDiff(out.o, vector?.expectedO ?? [])).toBeLessThanOrEqual(
        toleranceFor(vector?.expectedO ?? [], 1e-3),
      );
    },
  );
});

describe('engine CLI: every failure is exit 2, one line on stderr, nothing on stdout', () => {
  const good = () =>
    writeInput('good.json', {
      n: 2,
      dk: 2,
      dv: 1,
      q: [1, 2, 3, 4],
      k: [0, 1, 1, 0],
      v: [5, 6],
      params: {},
      inputs: {},
    });
  const base = (input: string) => [
    'run',
    '--variant',
    'softmax',
    '--form',
    'parallel',
    '--backend',
    'cpu',
    '--input',
    input,
  ];
  const cases: [string, () => string[], RegExp][] = [
    ['no command', () => [], /^error: missing command; usage: npm run --silent engine -- run --variant ID/],
    ['an unknown command', () => ['go'], /^error: unknown command "go"/],
    ['a missing --input', () => base(good()).slice(0, -2), /^error: missing option --input; usage:/],
    ['a flag without value', () => [...base(good()).slice(0, -1)], /^error: option --input needs a value$/],
    ['an unknown option', () => [...base(good()), '--fast', 'yes'], /^error: unknown option --fast; usage:/],
    [
      'a repeated option',
      () => [...base(good()), '--form', 'flash'],
      /^error: option --form is given twice$/,
    ],
    [
      'an unknown backend',
      () => base(good()).map((a) => (a === 'cpu' ? 'tpu' : a)),
      /^error: unknown backend "tpu" \(backends: cpu, webgpu\)$/,
    ],
    [
      'an unknown form',
      () => base(good()).map((a) => (a === 'parallel' ? 'fast' : a)),
      /^error: unknown form "fast"/,
    ],
    [
      'an unknown variant',
      () => base(good()).map((a) => (a === 'softmax' ? 'nope' : a)),
      new RegExp(
        `^error: unknown variant "nope" \\(implemented: ${implementedVariants.map((d) => d.id).join(', ')}\\)$`,
      ),
    ],
    [
      'a form the variant lacks',
      () => base(good()).map((a) => (a === 'parallel' ? 'chunk' : a)),
      /^error: variant "softmax" has no chunk form/,
    ],
    [
      'an unreadable file',
      () => base(join(scratch, 'missing.json')),
      /^error: cannot read input file .*missing\.json: ENOENT/,
    ],
    [
      'a file that is not JSON',
      () => base(writeInput('bad.json', '{"n": 2,')),
      /^error: input file .*bad\.json is not valid JSON: /,
    ],
    [
      'JSON that is not an object',
      () => base(writeInput('array.json', '[1,2]')),
      /^error: the input must be a JSON object with n, dk, dv, q, k, v$/,
    ],
    [
      'n = -5',
      () => base(writeInput('neg.json', { n: -5, dk: 1, dv: 1, q: [], k: [], v: [] })),
      /^error: n must be an integer ≥ 1 \(got -5\)$/,
    ],
    [
      'a short q',
      () => base(writeInput('short.json', { n: 2, dk: 2, dv: 1, q: [1], k: [0, 1, 1, 0], v: [5, 6] })),
      /^error: q must hold heads·n·dk = 1·2·2 = 4 numbers \(got 1\)$/,
    ],
    [
      'a null in v',
      () =>
        base(writeInput('null.json', { n: 2, dk: 2, dv: 1, q: [1, 2, 3, 4], k: [0, 1, 1, 0], v: [5, null] })),
      /^error: v\[1\] is not a finite number \(got null\)$/,
    ],
    [
      'a bad parameter',
      () => [
        'run',
        '--variant',
        'swa',
        '--form',
        'flash',
        '--backend',
        'cpu',
        '--input',
        writeInput('w0.json', {
          n: 2,
          dk: 2,
          dv: 1,
          q: [1, 2, 3, 4],
          k: [0, 1, 1, 0],
          v: [5, 6],
          params: { window: 0 },
        }),
      ],
      /^error: params\.window must be ≥ 1 \(got 0\)$/,
    ],
    [
      'a projection of the wrong shape',
      () => [
        'run',
        '--variant',
        'performer',
        '--form',
        'chunk',
        '--backend',
        'cpu',
        '--input',
        writeInput('proj.json', {
          n: 2,
          dk: 2,
          dv: 1,
          q: [1, 2, 3, 4],
          k: [0, 1, 1, 0],
          v: [5, 6],
          inputs: { projection: [1, 2, 3] },
        }),
      ],
      /^error: inputs\.projection must hold a rows×2 matrix \(a positive multiple of 2 numbers; got 3\)$/,
    ],
    [
      'causal rala',
      () => [
        'run',
        '--variant',
        'rala',
        '--form',
        'parallel',
        '--backend',
        'cpu',
        '--input',
        writeInput('rala.json', {
          n: 2,
          dk: 2,
          dv: 1,
          q: [1, 2, 3, 4],
          k: [0, 1, 1, 0],
          v: [5, 6],
          params: { causal: true },
        }),
      ],
      /^error: variant "rala" is non-causal only: set params\.causal to false$/,
    ],
    [
      'a validation error on the webgpu backend (before any GPU work)',
      () => [
        'run',
        '--variant',
        'swa',
        '--form',
        'flash',
        '--backend',
        'webgpu',
        '--input',
        writeInput('nc.json', {
          n: 2,
          dk: 2,
          dv: 1,
          q: [1, 2, 3, 4],
          k: [0, 1, 1, 0],
          v: [5, 6],
          params: { causal: false },
        }),
      ],
      /^error: variant "swa" is causal only: params\.causal must be true$/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it.concurrent(what, async () => {
      const run = await cli(args());
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.endsWith('\n')).toBe(true);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr.trimEnd()).toMatch(message);
    });
  }
});
