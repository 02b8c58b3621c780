// The one size rule against the checks it replaced. Each family's "before" is
// the rule as it stood before the buffer plans (copied here from the removed
// code: the GPU engine's generic model under the memory budget, then the
// family's own check in its builder; the CPU engine's float64 model), so the
// verdicts below show the plans change nothing at these sizes. Where the old
// checks disagreed among themselves (a scratch buffer between 15/16 of the
// limit and the limit, scratch buffers left out of the budget) the rule now
// applies the stricter reading; the sizes here stay clear of those bands.
import { describe, expect, it } from 'vitest';
import type { Form, VariantId } from './types';
import { validateProblem } from './validate';
import { buffersFit, checkFits, maxFittingN, sizedRequest, totalBytes, type SizeLimit } from './sizeRule';
import { MemoryBudget, perBufferBytes } from './gpu/memory';
import type { DeviceLimits } from './gpu/device';
import { getDefinition } from './variants/registry';
import type { BufferSize } from './variants/common/cost';
import { gateChannels } from './variants/common/gated/rule';
import { EngineError } from './types';

const F32 = 4;
const F64 = 8;
const MiB = 2 ** 20;

/** A device with a 128 MiB binding limit: 120 MiB per buffer and a 480 MiB budget under memory.ts's rule. */
const limits = {
  maxStorageBufferBindingSize: 128 * MiB,
  maxBufferSize: 256 * MiB,
} as DeviceLimits;
const advertised = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
const gpuLimit: SizeLimit = new MemoryBudget(limits).limit();
const cpuLimit: SizeLimit = { perBuffer: 64 * MiB, perBufferOf: 'device' };

interface Case {
  readonly variant: VariantId;
  readonly form: Form;
  readonly dk: number;
  readonly heads?: number;
  readonly params?: Record<string, number | boolean>;
}

/** The rule's view of a request at size n (validated at a small n, so no large arrays are built). */
function sized(c: Case, n: number, backend: 'cpu' | 'webgpu' = 'webgpu') {
  const small = 64;
  const heads = c.heads ?? 1;
  const zeros = new Float32Array(heads * small * c.dk);
  const inputs = getDefinition(c.variant).exampleInputs?.({ seed: 1, n: small, heads, dk: c.dk }) ?? {};
  const problem = validateProblem(c.variant, {
    n: small,
    dk: c.dk,
    dv: c.dk,
    heads,
    q: zeros,
    k: zeros,
    v: zeros,
    params: c.params,
    inputs,
  });
  return { ...sizedRequest(problem, c.form, backend), n };
}

function fitsNow(c: Case, n: number, backend: 'cpu' | 'webgpu' = 'webgpu'): boolean {
  try {
    checkFits(sized(c, n, backend), backend === 'cpu' ? cpuLimit : gpuLimit);
    return true;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return false;
  }
}

// ---------------------------------------------------------------------------
// The checks as they were.

const io = (n: number, dk: number, heads: number, bytes = F32): BufferSize[] => [
  { label: 'q', bytes: heads * n * dk * bytes },
  { label: 'k', bytes: heads * n * dk * bytes },
  { label: 'v', bytes: heads * n * dk * bytes },
  { label: 'the output o', bytes: heads * n * dk * bytes },
];

/** gpu/engine.ts's gpuBufferModel, checked by the memory budget before every plan. */
function oldEngineModel(c: Case, n: number): BufferSize[] {
  const heads = c.heads ?? 1;
  const family = getDefinition(c.variant).family;
  const list = io(n, c.dk, heads);
  if (c.form === 'parallel' && family !== 'low-rank') list.push({ label: 'n×n', bytes: heads * n * n * F32 });
  if (family === 'kernel-linear' && c.form === 'chunk') {
    const chunks = Math.ceil(n / 64);
    list.push({ label: 'chunk states', bytes: heads * chunks * (c.dk * c.dk + c.dk) * F32 });
  }
  return list;
}

const oldBudget = (buffers: BufferSize[]) =>
  buffers.every((b) => b.bytes <= gpuLimit.perBuffer) && totalBytes(buffers) <= (gpuLimit.budget ?? 0);

/** What each builder checked on top, before allocating. */
function oldBuilderCheck(c: Case, n: number): boolean {
  const heads = c.heads ?? 1;
  const { dk } = c;
  const definition = getDefinition(c.variant);
  switch (definition.family) {
    case 'gated': {
      // storage(): every buffer under the advertised limit.
      const rule = definition.gated!;
      const channels = gateChannels(rule, dk);
      const floats = [heads * n * channels];
      if (rule.delta) floats.push(heads * n * dk);
      if (c.form !== 'recurrent') floats.push(heads * n * channels, heads * n * channels);
      if (c.form === 'parallel')
        floats.push(heads * n * n, ...(rule.delta ? [heads * n * n, heads * n * dk] : []));
      if (c.form === 'chunk')
        floats.push(heads * Math.ceil(n / 64) * dk * dk, ...(rule.delta ? [heads * n * dk] : []));
      return floats.every((f) => f * F32 <= advertised);
    }
    case 'feature-map': {
      // checkFeatureLimits: φ(Q), φ(K), the n×n matrix or [V, 1] under the advertised limit.
      const r = definition.cost.featureDimension?.({ n, dk, dv: dk, features: 64 }) ?? dk;
      const headsOut = c.variant === 'inline' && c.form !== 'parallel' ? 2 * heads : heads;
      const floats = [headsOut * n * r, c.form === 'parallel' ? heads * n * n : headsOut * n * (dk + 1)];
      return floats.every((f) => f * F32 <= advertised);
    }
    case 'compressive-memory':
      // storage(): under memory.ts's per-buffer limit.
      return (
        (c.form === 'parallel' ? heads * n * n : heads * Math.ceil(n / 64) * (dk * dk + dk)) * F32 <=
        gpuLimit.perBuffer
      );
    case 'second-order': {
      // hla2's own model under the memory budget.
      const state = dk * dk + 2 * dk * dk + 2 * dk;
      const list = [...io(n, dk, heads), { label: 'state', bytes: heads * state * F32 }];
      if (c.form === 'parallel')
        list.push({ label: 'X', bytes: heads * n * n * F32 }, { label: 'P', bytes: heads * n * n * F32 });
      if (c.form === 'chunk') {
        const blocks = Math.ceil(n / 64);
        list.push(
          { label: 'states', bytes: 2 * heads * blocks * state * F32 },
          { label: 'u', bytes: heads * n * dk * F32 },
          { label: 'X, P', bytes: 2 * heads * blocks * 64 * 64 * F32 },
        );
      }
      return oldBudget(list);
    }
    case 'low-rank': {
      // checkBufferSizes: under memory.ts's per-buffer limit.
      const k = c.variant === 'linformer' ? 64 : 16;
      return heads * n * k * F32 <= perBufferBytes(limits);
    }
    default:
      return true;
  }
}

const fitsBefore = (c: Case, n: number) => oldBudget(oldEngineModel(c, n)) && oldBuilderCheck(c, n);

/** cpu.ts's cpuBufferSizes under maxBufferBytes. */
function fitsBeforeOnCpu(c: Case, n: number): boolean {
  const heads = c.heads ?? 1;
  const definition = getDefinition(c.variant);
  const list = io(n, c.dk, heads, F64).map((b) => b.bytes);
  if (c.form === 'parallel') list.push(n * n * F64);
  if (definition.family === 'feature-map') {
    list.push(
      n * (definition.cost.featureDimension?.({ n, dk: c.dk, dv: c.dk, features: 64 }) ?? c.dk) * F64,
    );
  }
  return list.every((bytes) => bytes <= cpuLimit.perBuffer);
}

// ---------------------------------------------------------------------------

const families: Record<string, { cases: Case[]; ns: number[] }> = {
  'exact-softmax': {
    cases: [
      { variant: 'softmax', form: 'parallel', dk: 64 },
      { variant: 'softmax', form: 'flash', dk: 64, heads: 4 },
      { variant: 'swa', form: 'parallel', dk: 16, heads: 2 },
    ],
    ns: [1024, 4096, 5600, 8192, 100_000, 600_000],
  },
  'kernel-linear': {
    cases: [
      { variant: 'linear', form: 'parallel', dk: 32 },
      { variant: 'linear', form: 'chunk', dk: 64, heads: 2 },
      { variant: 'linear', form: 'recurrent', dk: 64 },
    ],
    ns: [2048, 4096, 8192, 100_000, 400_000, 600_000],
  },
  'feature-map': {
    cases: [
      { variant: 'performer', form: 'recurrent', dk: 16 },
      { variant: 'based', form: 'chunk', dk: 8 },
      { variant: 'cosformer', form: 'parallel', dk: 16, heads: 2 },
      { variant: 'inline', form: 'chunk', dk: 32 },
    ],
    ns: [2048, 4096, 16_384, 200_000, 2_000_000],
  },
  gated: {
    cases: [
      { variant: 'retnet', form: 'parallel', dk: 16 },
      { variant: 'gla', form: 'chunk', dk: 32, heads: 2 },
      { variant: 'deltanet', form: 'parallel', dk: 16 },
      { variant: 'gated-deltanet', form: 'recurrent', dk: 64 },
      { variant: 'rwkv6', form: 'chunk', dk: 16 },
    ],
    ns: [1024, 2048, 4096, 8192, 100_000, 2_000_000],
  },
  'second-order': {
    cases: [
      { variant: 'hla2', form: 'parallel', dk: 16 },
      { variant: 'hla2', form: 'chunk', dk: 32 },
    ],
    ns: [1024, 2048, 4096, 8192, 100_000, 2_000_000],
  },
  'compressive-memory': {
    cases: [
      { variant: 'infini', form: 'parallel', dk: 16 },
      { variant: 'infini', form: 'chunk', dk: 32, heads: 2 },
    ],
    ns: [2048, 4096, 8192, 100_000, 2_000_000],
  },
  'low-rank': {
    cases: [
      { variant: 'linformer', form: 'parallel', dk: 16 },
      { variant: 'nystrom', form: 'parallel', dk: 32, heads: 2 },
    ],
    ns: [1024, 65_536, 262_144, 1_048_576],
  },
};

describe('the size rule gives the verdicts of the checks it replaced', () => {
  for (const [family, { cases, ns }] of Object.entries(families)) {
    it(`${family} on WebGPU (120 MiB per buffer, 480 MiB at once)`, () => {
      for (const c of cases) {
        const got = ns.map((n) => fitsNow(c, n));
        expect(got, `${c.variant} ${c.form} at n = ${ns.join(', ')}`).toEqual(
          ns.map((n) => fitsBefore(c, n)),
        );
        // Every list holds sizes on both sides of the line.
        expect(got, `${c.variant} ${c.form}`).toContain(true);
        expect(got, `${c.variant} ${c.form}`).toContain(false);
      }
    });

    it(`${family} on the CPU (64 MiB per array)`, () => {
      for (const c of cases) {
        expect(
          ns.map((n) => fitsNow(c, n, 'cpu')),
          `${c.variant} ${c.form} at n = ${ns.join(', ')}`,
        ).toEqual(ns.map((n) => fitsBeforeOnCpu(c, n)));
      }
    });

    it(`${family}: the largest n that fits fits, and the next does not`, () => {
      for (const c of cases) {
        for (const [backend, limit] of [
          ['webgpu', gpuLimit],
          ['cpu', cpuLimit],
        ] as const) {
          const req = sized(c, 1 << 26, backend);
          const maxN = maxFittingN(req, limit);
          expect(maxN, `${c.variant} ${c.form} on ${backend}`).toBeGreaterThan(0);
          expect(buffersFit(req.buffersAt(maxN), limit)).toBe(true);
          expect(buffersFit(req.buffersAt(maxN + 1), limit)).toBe(false);
          expect(fitsNow(c, maxN, backend)).toBe(true);
          expect(fitsNow(c, maxN + 1, backend)).toBe(false);
        }
      }
    });
  }
});

describe('checkFits', () => {
  const softmax: Case = { variant: 'softmax', form: 'parallel', dk: 64 };

  it('words a device limit, an engine limit and the budget as before', () => {
    expect(() =>
      checkFits(sized(softmax, 8192, 'cpu'), { perBuffer: 128 * MiB, perBufferOf: 'device' }),
    ).toThrow(
      'softmax parallel at n=8192 needs 512.0 MiB for the n×n matrix, but this device allows 128.0 MiB per buffer; ' +
        'the largest n that fits is 4096',
    );
    expect(() => checkFits(sized(softmax, 8192), gpuLimit)).toThrow(
      /^softmax parallel at n=8192 needs 256\.0 MiB for the n×n matrix, but this engine keeps one buffer under 120\.0 MiB on this device; the largest n that fits is 5608$/,
    );
    const budget: SizeLimit = {
      ...gpuLimit,
      budget: MiB,
      lowered: 'n=600 failed to allocate',
      heldBytes: 1024,
    };
    expect(() => checkFits(sized(softmax, 600), budget)).toThrow(
      /needs .* of buffers at once \(with 1\.0 KiB already held\), more than the 1\.0 MiB left after n=600 failed to allocate; the largest n that fits is \d+$/,
    );
  });

  it('offers maxN on the error, 0 when no n fits', () => {
    try {
      checkFits(sized(softmax, 4), { perBuffer: 8, perBufferOf: 'device' });
      expect.unreachable();
    } catch (error) {
      expect((error as EngineError).maxN).toBe(0);
      expect((error as EngineError).message).toMatch(/no n fits with these dk, dv, heads$/);
    }
  });
});
