// Lesson 11 (higher-order linear attention): every number the lab prints equals
// the engine's float64 references on the same seeded inputs, recomputed here in
// Node with the same functions (state sizes, ‖S^K_t‖, ‖C_t‖, ‖G_t‖, the key
// metric, the maps' errors against softmax, growth exponents, non-positive
// normalisers, the chunk form and the caption formula), on WebGPU (f32) and on
// the CPU fallback (gpu=0); the controls (t, normalise, chunk size) change them.
import { expect, test, type Page } from '@playwright/test';
import {
  loadCpuForms,
  weightError,
  spectrum,
  cpuWeights,
  runCpu,
  generateProblem,
  type AttentionProblem,
  hla2CaptionChunk,
} from '../src/engine';
import {
  frobenius,
  growthExponent,
  keyMetric,
  maxAbs,
  maxAbsDiff,
  nonPositiveCount,
  rowNorms,
  splitState,
  stateSizes,
} from '../src/lessons/higher-order/numbers';
import { expectClose, expectUrlParam, openView, readoutValues, waitForLabIdle } from './helpers';

// The specs recompute the lab's numbers with the float64 references in Node.
test.beforeAll(() => loadCpuForms());

const SEED = 7;
const N = 48;
const D = 8;
const CLUSTERING = 0.8;

const PRINTED = [
  'hla-floats',
  'linear-floats',
  'kv-floats',
  's-norm',
  'c-norm',
  'g-norm',
  'err-hla',
  'err-linear',
  'kl-hla',
  'kl-linear',
  'rank-hla',
  'rank-linear',
  'rank-softmax',
  'metric-gain',
  'metric-cosine',
  'growth-raw',
  'growth-linear',
  'growth-normalized',
  'nonpositive',
  'chunk-error',
  'caption-error',
] as const;
type Printed = Record<(typeof PRINTED)[number], number>;

function problem(): AttentionProblem & { dk: number; dv: number } {
  const p = generateProblem({
    seed: SEED,
    n: N,
    dk: D,
    dv: D,
    temperature: 1,
    locality: 0,
    clustering: CLUSTERING,
  });
  return { n: N, dk: D, dv: D, q: p.q, k: p.k, v: p.v };
}

/** What the lab must print, from the float64 CPU engine. */
function expected(t: number, normalize: boolean, chunk: number): Printed {
  const base = problem();
  const q = Float64Array.from(base.q);
  const prefix = {
    ...base,
    n: t,
    q: q.subarray(0, t * D),
    k: Float64Array.from(base.k).subarray(0, t * D),
    v: Float64Array.from(base.v).subarray(0, t * D),
  };
  const state = runCpu({ variant: 'hla2', form: 'recurrent', problem: prefix }).state as Float64Array;
  const blocks = splitState(state, D, D);
  const metric = keyMetric(q.subarray((t - 1) * D, t * D), state, D);
  const soft = { rows: N, cols: N, data: cpuWeights({ variant: 'softmax', problem: base }).host! };
  const hla = cpuWeights({ variant: 'hla2', problem: { ...base, params: { normalize } } }).host!;
  const lin = cpuWeights({
    variant: 'linear',
    problem: { ...base, params: { featureMap: 'identity', normalize } },
  }).host!;
  const hlaError = weightError({ rows: N, cols: N, data: hla }, soft, { causal: true });
  const linError = weightError({ rows: N, cols: N, data: lin }, soft, { causal: true });
  const raw = runCpu({ variant: 'hla2', form: 'recurrent', problem: base }).o;
  const normalized = runCpu({
    variant: 'hla2',
    form: 'recurrent',
    problem: { ...base, params: { normalize: true } },
  }).o;
  const linear = runCpu({
    variant: 'linear',
    form: 'recurrent',
    problem: { ...base, params: { featureMap: 'identity', normalize: false } },
  }).o;
  const ones = runCpu({
    variant: 'hla2',
    form: 'recurrent',
    problem: { ...base, dv: 1, v: new Float64Array(N).fill(1) },
  }).o;
  const chunked = runCpu({
    variant: 'hla2',
    form: 'chunk',
    problem: { ...base, params: { chunkSize: chunk } },
  }).o;
  const head = { n: N, dk: D, dv: D, q, k: Float64Array.from(base.k), v: Float64Array.from(base.v) };
  const sizes = stateSizes(D, D, t, normalize);
  return {
    'hla-floats': sizes.hla,
    'linear-floats': sizes.linear,
    'kv-floats': sizes.kvCache,
    's-norm': frobenius(blocks.s),
    'c-norm': frobenius(blocks.c),
    'g-norm': frobenius(blocks.g),
    'err-hla': hlaError.relativeFrobenius,
    'err-linear': linError.relativeFrobenius,
    'kl-hla': hlaError.meanRowKl,
    'kl-linear': linError.meanRowKl,
    'rank-hla': spectrum({ rows: N, cols: N, data: hla }).effectiveRank,
    'rank-linear': spectrum({ rows: N, cols: N, data: lin }).effectiveRank,
    'rank-softmax': spectrum(soft).effectiveRank,
    'metric-gain': metric.gain,
    'metric-cosine': metric.cosine,
    'growth-raw': growthExponent(rowNorms(raw, N, D)),
    'growth-linear': growthExponent(rowNorms(linear, N, D)),
    'growth-normalized': growthExponent(rowNorms(normalized, N, D)),
    nonpositive: nonPositiveCount(ones),
    'chunk-error': maxAbsDiff(chunked, raw) / Math.max(1, maxAbs(raw)),
    'caption-error': maxAbsDiff(hla2CaptionChunk(head, chunk), raw) / Math.max(1, maxAbs(raw)),
  };
}

/** Engine numbers (f32 on WebGPU) to 1e-3 relative; the float64 main-thread ones to 1e-9. */
function compare(got: Printed, want: Printed, what: string): void {
  const exact = ['hla-floats', 'linear-floats', 'kv-floats', 'nonpositive'] as const;
  const float64 = [
    'err-hla',
    'err-linear',
    'kl-hla',
    'kl-linear',
    'rank-hla',
    'rank-linear',
    'rank-softmax',
    'caption-error',
  ] as const;
  for (const name of exact) expect(got[name], `${what}: ${name}`).toBe(want[name]);
  for (const name of float64)
    expectClose(got[name], want[name], 1e-9 * Math.max(1, Math.abs(want[name])), `${what}: ${name}`);
  for (const name of ['s-norm', 'c-norm', 'g-norm', 'metric-gain', 'metric-cosine'] as const)
    expectClose(got[name], want[name], 1e-3 * Math.max(1, Math.abs(want[name])), `${what}: ${name}`);
  for (const name of ['growth-raw', 'growth-linear', 'growth-normalized'] as const)
    expectClose(got[name], want[name], 2e-3, `${what}: ${name}`);
  // Rounding only: 0 in float64, f32 rounding on WebGPU.
  expect(got['chunk-error'], `${what}: chunk-error`).toBeLessThan(1e-3);
  expect(want['chunk-error']).toBeLessThan(1e-12);
}

async function printed(page: Page): Promise<Printed> {
  await waitForLabIdle(page);
  return (await readoutValues(page, PRINTED)) as Printed;
}

test('higher-order: WebGPU run, every printed number equals the float64 engine; t and the chunk size change them', async ({
  page,
}) => {
  await openView(page, {
    lesson: 'higher-order',
    lang: 'en',
    n: N,
    d: D,
    seed: SEED,
    clustering: CLUSTERING,
    t: 20,
    chunk: 16,
    normalize: false,
  });
  const first = await printed(page);
  await expect(page.getByTestId('chunk-error')).toContainText('webgpu');
  compare(first, expected(20, false, 16), 't = 20');
  // The chart's claims: HLA grows faster than linear attention, and the caption formula is wrong by O(1).
  expect(first['growth-raw']).toBeGreaterThan(first['growth-linear'] + 0.5);
  expect(first['caption-error']).toBeGreaterThan(0.01);
  // The prose prints the same numbers.
  await expect(page.locator('.live-value[data-value="hla-floats"]').first()).toHaveText('192');

  // Keyboard on the t scrubber: one step right.
  await page.getByTestId('hla-t').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 't', '21');
  const next = await printed(page);
  compare(next, expected(21, false, 16), 't = 21');
  expect(next['g-norm']).not.toBe(first['g-norm']);

  // Chunk size 8 → 16 → 8: the caption formula misses more pairs with smaller chunks.
  await page.getByTestId('hla-chunk').focus();
  await page.keyboard.press('ArrowLeft');
  await expectUrlParam(page, 'chunk', '8');
  const small = await printed(page);
  compare(small, expected(21, false, 8), 'chunk 8');
});

test('higher-order on the CPU fallback (gpu=0): normalising changes the maps and their errors', async ({
  page,
}) => {
  await openView(page, {
    lesson: 'higher-order',
    lang: 'zh',
    gpu: 0,
    n: N,
    d: D,
    seed: SEED,
    clustering: CLUSTERING,
    t: 30,
    chunk: 16,
    normalize: false,
  });
  const raw = await printed(page);
  await expect(page.getByTestId('chunk-error')).toContainText('cpu');
  compare(raw, expected(30, false, 16), 'cpu, unnormalised');
  // On the CPU engine the chunk form agrees with the recurrence in float64.
  expect(raw['chunk-error']).toBeLessThan(1e-12);
  await page.getByTestId('hla-normalize').click();
  await expectUrlParam(page, 'normalize', '1');
  const normalized = await printed(page);
  compare(normalized, expected(30, true, 16), 'cpu, normalised');
  expect(normalized['hla-floats']).toBe(8 * 8 + 2 * 8 * 8 + 2 * 8);
  expect(normalized['err-hla']).not.toBe(raw['err-hla']);
  await expect(page.getByRole('heading', { name: '第 t 个 token 时的二阶状态' })).toBeVisible();
});
