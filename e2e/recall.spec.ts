// Lesson 10's lab: the recall sweep runs through the engine (WebGPU on
// SwiftShader here, and the CPU engine in its worker with gpu=0), and every
// printed accuracy equals the experiment recomputed in Node with the engine's
// float64 CPU functions at the same seed; the sweep can be cancelled and rerun.
import { expect, test, type Page } from '@playwright/test';
import {
  loadCpuForms,
  runCpu,
  RECALL_VARIANTS,
  runRecallSweep,
  stateFloats,
  type RecallSettings,
  type RecallSweep,
} from '../src/engine';
import { expectUrlParam, openView, waitForLabIdle } from './helpers';

// The specs recompute the lab's numbers with the float64 references in Node.
test.beforeAll(() => loadCpuForms());

const SEED = 5;
const D = 8;
const SETTINGS: RecallSettings = { seed: SEED, temperature: 4, window: 8, beta: 0.9, gateStrength: 0.02 };
const VIEW = {
  lesson: 'recall',
  lang: 'en',
  seed: SEED,
  d: D,
  temperature: SETTINGS.temperature,
  window: SETTINGS.window,
  beta: SETTINGS.beta,
  gateStrength: SETTINGS.gateStrength,
};

function expected(pairs: number): Promise<RecallSweep> {
  return runRecallSweep(SETTINGS, pairs, D, (request) => runCpu(request));
}

async function waitForSweep(page: Page): Promise<void> {
  await expect(page.getByTestId('recall-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await waitForLabIdle(page);
}

async function cell(page: Page, name: string): Promise<number | null> {
  const value = await page.getByTestId(name).getAttribute('data-value');
  return value === null ? null : Number(value);
}

/** Every printed number of the table against the Node recomputation (counts are exact, so equality). */
async function expectTableMatches(page: Page, pairs: number, what: string): Promise<void> {
  const sweep = await expected(pairs);
  const row = sweep.byPairs[sweep.byPairs.length - 1];
  expect(row.pairs).toBe(pairs);
  for (const variant of RECALL_VARIANTS) {
    const s = row.scores[variant];
    const where = `${what} ${variant}`;
    expect(await cell(page, `recall-acc-${variant}`), where).toBe(s.accuracy);
    expect(await page.getByTestId(`recall-acc-${variant}`).textContent(), where).toContain(
      `(${s.correct}/${s.total})`,
    );
    expect(await cell(page, `recall-recent-${variant}`), `${where} recent`).toBe(
      s.recentCorrect / s.recentTotal,
    );
    expect(await cell(page, `recall-window-${variant}`), `${where} window`).toBe(
      s.inWindowTotal > 0 ? s.inWindowCorrect / s.inWindowTotal : null,
    );
    expect(await cell(page, `recall-state-${variant}`), `${where} state`).toBe(
      stateFloats(variant, D, 2 * pairs, SETTINGS.window),
    );
  }
  // The derived numbers: the softmax scale T/√d and chance 1/P.
  expect(await cell(page, 'recall-scale')).toBe(SETTINGS.temperature / Math.sqrt(D));
  expect(await cell(page, 'recall-chance')).toBe(1 / pairs);
  // The charts' tables: one row per P of the grid and per d of the d sweep.
  await expect(page.getByTestId('recall-pairs-chart').locator('tbody tr')).toHaveCount(sweep.byPairs.length);
  await expect(page.getByTestId('recall-d-chart').locator('tbody tr')).toHaveCount(sweep.byD.length);
  // The chart's numbers: softmax's row of the P table.
  const softmaxColumn = await page
    .getByTestId('recall-pairs-chart')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[1]?.textContent ?? ''));
  expect(softmaxColumn.map(Number)).toEqual(
    sweep.byPairs.map((p) => Number(p.scores.softmax.accuracy.toPrecision(3))),
  );
}

test('recall: printed accuracies on WebGPU equal the float64 recomputation', async ({ page }) => {
  test.setTimeout(120_000);
  await openView(page, { ...VIEW, pairs: 16 });
  await expect(page.getByTestId('recall-statement')).toContainText('closer in cosine');
  await waitForSweep(page);
  await expectTableMatches(page, 16, 'P=16');
  // Softmax recalls everything; the window recalls every pair it still sees.
  expect(await cell(page, 'recall-acc-softmax')).toBe(1);
  expect(await cell(page, 'recall-window-swa')).toBe(1);

  // The prose (step 1) quotes the lab's numbers.
  const printed = await page.getByTestId('recall-acc-linear-identity').textContent();
  await expect(page.locator('span.live-value[data-value="recall-acc-linear-identity"]').first()).toHaveText(
    printed ?? '',
  );
});

test('recall on the CPU engine: a slider move reruns the sweep, a long sweep can be cancelled', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openView(page, { ...VIEW, gpu: false, pairs: 16 });
  await waitForSweep(page);
  await expectTableMatches(page, 16, 'CPU P=16');
  // P 16 → 8 with the keyboard: the URL, the sweep and the numbers follow.
  await page.getByTestId('pairs-slider').focus();
  await page.keyboard.press('ArrowLeft');
  await expectUrlParam(page, 'pairs', '8');
  await waitForSweep(page);
  await expectTableMatches(page, 8, 'CPU P=8');
  // A heavy setting (P up to 256: 2P = 512 tokens per trial), cancelled at once.
  await page.getByTestId('pairs-slider').focus();
  await page.keyboard.press('End');
  await expectUrlParam(page, 'pairs', '256');
  await page.getByTestId('recall-cancel').click();
  await expect(page.getByTestId('recall-cancelled')).toBeVisible();
  await expect(page.getByTestId('recall-acc-softmax')).toHaveText('not run (cancelled)');
  await expect(page.getByTestId('recall-acc-softmax')).not.toHaveAttribute('data-value');
  // Down to P = 2: the new setting runs by itself.
  await page.getByTestId('pairs-slider').focus();
  await page.keyboard.press('Home');
  await expectUrlParam(page, 'pairs', '2');
  await waitForSweep(page);
  await expectTableMatches(page, 2, 'CPU P=2');
});
