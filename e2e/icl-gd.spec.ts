// Lesson 15 (icl-gd): the worked example prints ŷ = 1 at Γ = I and 0 at Γ = Ŝ⁻¹;
// the attention head's prediction equals one preconditioned GD step (printed
// difference ≤ 1e-9, and both equal the engine's functions recomputed in Node)
// at several seeds; the Monte-Carlo risk printed by the lab equals the engine's
// riskCurve; the streaming identities hold to rounding.
import { expect, test } from '@playwright/test';
import {
  attentionPrediction,
  gdPrediction,
  preconditioner,
  seededTask,
  riskCurve,
  RISK_DEFAULT_TASKS,
} from '../src/engine';
import { expectClose, expectUrlParam, openView, readoutValues, waitForLabIdle } from './helpers';

test('worked example: ŷ = 1 at Γ = I and 0 at Γ = Ŝ⁻¹; both paths agree as s slides', async ({ page }) => {
  await openView(page, { lesson: 'icl-gd', step: 0, lang: 'en' });
  await waitForLabIdle(page);
  await expect(page.getByTestId('icl-worked-identity')).toContainText('1.000000');
  await expect(page.getByTestId('icl-worked-newton')).toContainText('0.000000');
  await expect(page.locator('.live-value[data-value="icl-worked-identity"]')).toHaveText('1.000000');
  await expect(page.locator('.live-value[data-value="icl-worked-newton"]')).toHaveText('0.000000');
  let v = await readoutValues(page, ['icl-yhat-attn', 'icl-yhat-gd', 'icl-diff', 'icl-target']);
  expect(v['icl-yhat-attn']).toBe(1);
  expect(v['icl-yhat-gd']).toBe(1);
  expect(v['icl-target']).toBe(0);
  await expect(page.getByTestId('icl-w1')).toHaveText('(1, 0)');
  await expect(page.getByTestId('icl-context-table').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('icl-context-table').locator('tbody tr').nth(2)).toContainText('3');

  // Keyboard: End moves s to 1 (the Newton step).
  await page.getByTestId('precond-slider').focus();
  await page.keyboard.press('End');
  await expectUrlParam(page, 'precond', '1');
  await waitForLabIdle(page);
  v = await readoutValues(page, ['icl-yhat-attn', 'icl-yhat-gd', 'icl-diff']);
  expect(Math.abs(v['icl-yhat-attn'])).toBeLessThanOrEqual(1e-14);
  expect(Math.abs(v['icl-yhat-gd'])).toBeLessThanOrEqual(1e-14);
  expect(v['icl-diff']).toBeLessThanOrEqual(1e-9);
  await expect(page.getByTestId('icl-yhat-attn')).toContainText('0.000000');
  await expect(page.getByTestId('icl-w1')).toHaveText('(2, -1)');
  // Γ = [[2, −1], [−1, 2]].
  await expect(page.getByTestId('icl-gamma')).toContainText('2');
  await page.keyboard.press('Home');
  for (let i = 0; i < 50; i++) await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'precond', '0.5');
  v = await readoutValues(page, ['icl-yhat-attn', 'icl-yhat-gd']);
  expectClose(v['icl-yhat-attn'], 0.5, 1e-14, 'ŷ at s = 0.5');
  expectClose(v['icl-yhat-gd'], 0.5, 1e-14, 'ŷ at s = 0.5');
});

test('random tasks: the attention prediction equals the GD prediction and the engine at several seeds', async ({
  page,
}) => {
  for (const [seed, d, M, s, noise] of [
    [1, 4, 16, 0.5, 0.25],
    [7, 8, 5, 1, 0.5],
    [123, 3, 64, 0.2, 0],
  ] as const) {
    await openView(page, { lesson: 'icl-gd', step: 1, lang: 'en', seed, d, examples: M, precond: s, noise });
    // The predictions are synchronous; the risk chart below them need not finish for this test.
    await expect(page.getByTestId('icl-diff')).toHaveAttribute('data-value', /\S/);
    const v = await readoutValues(page, [
      'icl-yhat-attn',
      'icl-yhat-gd',
      'icl-diff',
      'icl-target',
      'icl-rank',
    ]);
    const task = seededTask(seed, d, M, noise);
    const { gamma, rank } = preconditioner(task, s);
    const what = `seed ${seed}, d ${d}, M ${M}`;
    expect(v['icl-diff'], `${what}: printed |difference|`).toBeLessThanOrEqual(1e-9);
    expectClose(v['icl-yhat-attn'], v['icl-yhat-gd'], 1e-9, `${what}: attention vs GD`);
    expectClose(
      v['icl-yhat-attn'],
      attentionPrediction(task, gamma).yhat,
      1e-12,
      `${what}: attention vs engine`,
    );
    expectClose(v['icl-yhat-gd'], gdPrediction(task, gamma).yhat, 1e-12, `${what}: GD vs engine`);
    expectClose(v['icl-target'], task.yq, 1e-12, `${what}: target`);
    expect(v['icl-rank']).toBe(rank);
    if (M < d) await expect(page.getByTestId('icl-pinv-note')).toContainText(`rank ${M}`);
  }
});

test('risk against M equals the engine’s Monte Carlo; streaming identities; Chinese', async ({ page }) => {
  await openView(page, { lesson: 'icl-gd', step: 2, lang: 'en', seed: 42 });
  const started = Date.now();
  await waitForLabIdle(page);
  console.log(`risk curve (18 M × 2000 tasks, d = 4) ready ${Date.now() - started} ms after the page opened`);
  await expect(page.getByTestId('icl-risk-chart')).toBeVisible();
  const v = await readoutValues(page, [
    'icl-risk-gd',
    'icl-risk-optimal',
    'icl-risk-newton',
    'icl-risk-reader',
    'icl-risk-tasks',
  ]);
  const [expected] = riskCurve({ seed: 42, d: 4, noise: 0.5, s: 0.5, tasks: RISK_DEFAULT_TASKS, ms: [8] });
  expect(v['icl-risk-tasks']).toBe(RISK_DEFAULT_TASKS);
  expectClose(v['icl-risk-gd'], expected.gd, 1e-12, 'GD risk at M = 8');
  expectClose(v['icl-risk-optimal'], expected.optimal, 1e-12, 'η* risk at M = 8');
  expectClose(v['icl-risk-newton'], expected.newton, 1e-12, 'Newton risk at M = 8');
  expectClose(v['icl-risk-reader'], expected.reader, 1e-12, 'Γ(s) risk at M = 8');
  // The closed form d(d+1+σ²)/M = 4·5.25/8 = 2.625 is printed beside the Monte Carlo.
  await expect(page.getByTestId('icl-risk-gd')).toContainText('formula 2.625');
  await expect(page.getByTestId('icl-risk-chart').locator('[data-series]')).toHaveCount(4);

  await openView(page, { lesson: 'icl-gd', step: 3, lang: 'zh', seed: 42 });
  await waitForLabIdle(page);
  const s = await readoutValues(page, ['icl-stream-diff', 'icl-delta-diff']);
  expect(s['icl-stream-diff']).toBeLessThanOrEqual(1e-12);
  expect(s['icl-delta-diff']).toBeLessThanOrEqual(1e-12);
  await expect(page.getByTestId('icl-stream-table').locator('tbody tr')).toHaveCount(6);
  await expect(page.getByTestId('icl-task')).toContainText('随机任务');
});
