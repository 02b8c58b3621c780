// Lesson 12 (hybrids): every printed number equals the engine's float64
// references recomputed here on the same seeded inputs — Infini-attention's gate,
// memory share (per token mean and per segment), state sizes and memory norm, the
// engine's chunk output against the two branches; the hybrid's branch norms,
// linear share and equal-share λ. Controls move the numbers; the CPU fallback
// (gpu=0) prints the same; the prose's live values are the readouts' texts.
import { expect, test, type Page } from '@playwright/test';
import {
  loadCpuForms,
  runCpu,
  equalShareLogLambda,
  hybridBranches,
  hybridShares,
  infiniShares,
  infiniStateFloats,
  kvCacheFloats,
  generateProblem,
} from '../src/engine';
import { expectClose, expectUrlParam, openView, readoutValues, waitForLabIdle } from './helpers';

// The specs recompute the lab's numbers with the float64 references in Node.
test.beforeAll(() => loadCpuForms());

const SEED = 7;

/** The readout's printed text without its detail line (the dd's first text node). */
async function printedText(page: Page, name: string): Promise<string> {
  return page.getByTestId(name).evaluate((element) => element.firstChild?.textContent ?? '');
}
const N = 64;
const D = 8;

function head(locality = 0) {
  const p = generateProblem({ seed: SEED, n: N, dk: D, dv: D, temperature: 1, locality, clustering: 0 });
  return {
    problem: p,
    head: {
      n: N,
      dk: D,
      dv: D,
      q: Float64Array.from(p.q),
      k: Float64Array.from(p.k),
      v: Float64Array.from(p.v),
    },
  };
}

function expectedInfini(segment: number, beta: number) {
  const { problem, head: h } = head();
  const shares = infiniShares(h, { segment, beta, scale: 1 / Math.sqrt(D) });
  const run = runCpu({
    variant: 'infini',
    form: 'chunk',
    problem: { n: N, dk: D, dv: D, q: problem.q, k: problem.k, v: problem.v, params: { segment, beta } },
  });
  let norm = 0;
  for (const x of run.state as Float64Array) norm += x * x;
  return {
    shares,
    printed: {
      'infini-gate': 1 / (1 + Math.exp(-beta)),
      'infini-mem-share': shares.meanMemShareAfterFirst,
      'infini-memory-floats': D * D + D,
      'infini-state-floats': infiniStateFloats(N, segment, D, D),
      'infini-kv-floats': kvCacheFloats(N, D, D),
      'infini-memory-norm': Math.sqrt(norm),
    },
  };
}

const INFINI = [
  'infini-gate',
  'infini-mem-share',
  'infini-memory-floats',
  'infini-state-floats',
  'infini-kv-floats',
  'infini-memory-norm',
  'infini-agreement',
] as const;

async function checkInfini(
  page: Page,
  segment: number,
  beta: number,
  agreementBound: number,
  normTol: number,
) {
  await waitForLabIdle(page, { rows: N });
  const got = await readoutValues(page, INFINI);
  const want = expectedInfini(segment, beta);
  expectClose(got['infini-gate'], want.printed['infini-gate'], 1e-12, 'gate');
  expectClose(got['infini-mem-share'], want.printed['infini-mem-share'], 1e-12, 'mean memory share');
  expect(got['infini-memory-floats']).toBe(want.printed['infini-memory-floats']);
  expect(got['infini-state-floats']).toBe(want.printed['infini-state-floats']);
  expect(got['infini-kv-floats']).toBe(want.printed['infini-kv-floats']);
  expectClose(got['infini-memory-norm'], want.printed['infini-memory-norm'], normTol, '‖M‖');
  expect(got['infini-agreement']).toBeLessThanOrEqual(agreementBound);
  // The per-segment table: one row per segment, the first with no memory.
  const segments = Math.ceil(N / segment);
  await expect(page.getByTestId('segment-table').locator('tbody tr')).toHaveCount(segments);
  await expect(page.getByTestId('segment-row-1')).toHaveAttribute('data-value', '0');
  for (let s = 1; s < segments; s++) {
    const value = Number(await page.getByTestId(`segment-row-${s + 1}`).getAttribute('data-value'));
    expectClose(value, want.shares.segmentMeans[s], 1e-12, `segment ${s + 1} mean share`);
  }
  // The memory after each segment; after the last it is the state the engine returned.
  for (let s = 0; s < segments; s++) {
    const value = Number(await page.getByTestId(`segment-memory-${s + 1}`).getAttribute('data-value'));
    expectClose(value, want.shares.memoryNorms[s], 1e-12, `‖M‖ after segment ${s + 1}`);
  }
  expectClose(
    want.shares.memoryNorms[segments - 1],
    want.printed['infini-memory-norm'],
    1e-9,
    'last ‖M‖ = state',
  );
  return got;
}

test('Infini-attention on WebGPU: printed numbers match the float64 engine; N_s and β move them', async ({
  page,
}) => {
  await openView(page, { lesson: 'hybrids', lang: 'en', step: 0, seed: SEED, n: N, d: D, chunk: 16, mix: 0 });
  await checkInfini(page, 16, 0, 1e-3, 1e-4);
  await expect(page.getByTestId('infini-memory-norm')).toContainText('(webgpu)');
  // The prose prints the readout's own text.
  await expect(page.locator('.live-value[data-value="infini-mem-share"]')).toHaveText(
    await printedText(page, 'infini-mem-share'),
  );

  await page.getByTestId('segment-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'chunk', '32');
  await checkInfini(page, 32, 0, 1e-3, 1e-4);

  await page.getByTestId('mix-slider').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'mix', '0.5');
  const after = await checkInfini(page, 32, 0.5, 1e-3, 1e-4);
  // A larger gate gives the memory a larger share.
  expect(after['infini-mem-share']).toBeGreaterThan(expectedInfini(32, 0).printed['infini-mem-share']);
});

test('Infini-attention on the CPU fallback (gpu=0) prints the same numbers', async ({ page }) => {
  await openView(page, {
    lesson: 'hybrids',
    lang: 'zh',
    step: 1,
    gpu: 0,
    seed: SEED,
    n: N,
    d: D,
    chunk: 16,
    mix: 3,
  });
  await checkInfini(page, 16, 3, 1e-9, 1e-9);
  await expect(page.getByTestId('infini-memory-norm')).toContainText('（cpu）');
  await expect(page.locator('.prose__step[data-step="gate"]')).toContainText('门控');
});

const HYBRID = [
  'hybrid-lambda',
  'hybrid-swa-norm',
  'hybrid-lin-norm',
  'hybrid-lin-share',
  'hybrid-equal-lambda',
] as const;

async function checkHybrid(page: Page, window: number, mix: number, locality: number) {
  await expect(page.getByTestId('hybrid-share-chart')).toBeVisible();
  await waitForLabIdle(page);
  const got = await readoutValues(page, HYBRID);
  const { head: h } = head(locality);
  const branches = hybridBranches(h, window, 1 / Math.sqrt(D));
  const shares = hybridShares(branches, window, Math.exp(mix));
  expectClose(got['hybrid-lambda'], Math.exp(mix), 1e-12, 'λ');
  expectClose(got['hybrid-swa-norm'], shares.meanSwaNorm, 1e-12, 'mean ‖A_swa‖');
  expectClose(got['hybrid-lin-norm'], shares.meanLinNorm, 1e-12, 'mean ‖A_lin‖');
  expectClose(got['hybrid-lin-share'], shares.meanLinShare, 1e-12, 'mean linear share');
  expectClose(
    got['hybrid-equal-lambda'],
    equalShareLogLambda(branches, window),
    1e-9,
    'ln λ of an equal share',
  );
  return got;
}

test('the window + linear hybrid: branch norms, linear share and the equal-share λ', async ({ page }) => {
  await openView(page, {
    lesson: 'hybrids',
    lang: 'en',
    step: 3,
    seed: SEED,
    n: N,
    d: D,
    window: 16,
    mix: 0,
    locality: 0,
  });
  const equal = await checkHybrid(page, 16, 0, 0);
  // λ = 1 weighs the branches equally, yet the linear branch supplies less than half.
  expect(equal['hybrid-lin-share']).toBeLessThan(0.5);
  await expect(page.locator('.live-value[data-value="hybrid-lin-share"]')).toHaveText(
    await printedText(page, 'hybrid-lin-share'),
  );

  await page.getByTestId('mix-slider').focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'mix', '1');
  const scaled = await checkHybrid(page, 16, 1, 0);
  expect(scaled['hybrid-lin-share']).toBeGreaterThan(equal['hybrid-lin-share']);

  await page.getByTestId('window-slider').focus();
  await page.keyboard.press('ArrowLeft');
  await expectUrlParam(page, 'window', '8');
  await checkHybrid(page, 8, 1, 0);
});
