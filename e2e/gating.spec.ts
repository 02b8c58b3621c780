// Lesson 6 (gating): the gate controls change the decay mask (pixels), the
// printed memory horizon follows the formula of a constant gate, a forget gate
// wipes the state at its token, and the delta rule's overwrite demo reads back
// the newer value where linear attention reads a blend.
import { expect, test } from '@playwright/test';
import { generateProblem } from '../src/engine';
import {
  expectClose,
  expectUrlParam,
  openView,
  readoutValue,
  readoutValues,
  settledShot,
  waitForLabIdle,
} from './helpers';

/** Steps until γ^s falls below the threshold: ln(1/threshold) / ln(1/γ). */
function constantHorizon(gamma: number, threshold: number): number {
  return Math.log(1 / threshold) / Math.log(1 / gamma);
}

test('RetNet: the horizon is ln(1/threshold)/ln(1/γ), and γ changes the mask and the horizon', async ({
  page,
}) => {
  await openView(page, { lesson: 'gating', lang: 'en', variant: 'retnet', gamma: 0.9, n: 128, d: 16, t: 10 });
  await waitForLabIdle(page, { rows: 128 });
  const before = await readoutValues(page, ['horizon-e', 'horizon-pct', 'decay-first', 'decay-mean']);
  expectClose(before['horizon-e'], constantHorizon(0.9, Math.exp(-1)), 1e-9, 'horizon 1/e at γ = 0.9');
  expectClose(before['horizon-pct'], constantHorizon(0.9, 0.01), 1e-9, 'horizon 1 % at γ = 0.9');
  // Token 1's write after token 10: γ^9.
  expectClose(before['decay-first'], 0.9 ** 9, 1e-12, 'mask at (10, 1)');
  await expect(page.getByTestId('horizon-e')).toContainText('9.491');
  await page.mouse.move(1, 1);
  const maskBefore = await settledShot(page.getByTestId('decay-mask'));

  // One step up the γ ladder: 0.9 → 0.9375.
  await page.getByTestId('gamma-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'gamma', '0.9375');
  await waitForLabIdle(page, { rows: 128 });
  const after = await readoutValues(page, ['horizon-e', 'horizon-pct', 'decay-first', 'decay-mean']);
  expectClose(after['horizon-e'], constantHorizon(0.9375, Math.exp(-1)), 1e-9, 'horizon 1/e at γ = 0.9375');
  expectClose(after['horizon-pct'], constantHorizon(0.9375, 0.01), 1e-9, 'horizon 1 % at γ = 0.9375');
  expectClose(after['decay-first'], 0.9375 ** 9, 1e-12, 'mask at (10, 1)');
  expect(after['decay-mean']).toBeGreaterThan(before['decay-mean']);
  await page.mouse.move(1, 1);
  const maskAfter = await settledShot(page.getByTestId('decay-mask'));
  expect(maskAfter.equals(maskBefore), 'the decay mask is redrawn').toBe(false);
});

test('GLA: per-channel data-dependent gates; the strength changes the mask and the horizon', async ({
  page,
}) => {
  await openView(page, {
    lesson: 'gating',
    lang: 'en',
    variant: 'gla',
    gate: 'data',
    gateStrength: 0.1,
    n: 64,
    d: 16,
  });
  await waitForLabIdle(page, { rows: 64 });
  const weak = await readoutValues(page, ['horizon-e', 'decay-mean']);
  // Mean |g| = 0.1: the median channel's 1/e horizon is near 1/0.1 = 10 steps.
  expect(weak['horizon-e']).toBeGreaterThan(5);
  expect(weak['horizon-e']).toBeLessThan(20);
  await expect(page.getByTestId('horizon-e')).toContainText('median of 16 channels');
  await page.mouse.move(1, 1);
  const maskWeak = await settledShot(page.getByTestId('decay-mask'));

  await page.getByTestId('gate-strength').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'gateStrength', '0.15');
  await waitForLabIdle(page, { rows: 64 });
  const strong = await readoutValues(page, ['horizon-e', 'decay-mean']);
  // Same seeded logits, every gate 1.5 times larger: every write fades sooner.
  expect(strong['horizon-e']).toBeLessThan(weak['horizon-e']);
  expectClose(strong['horizon-e'], weak['horizon-e'] / 1.5, 0.3 * weak['horizon-e'], 'horizon about 1/|g|');
  expect(strong['decay-mean']).toBeLessThan(weak['decay-mean']);
  await page.mouse.move(1, 1);
  const maskStrong = await settledShot(page.getByTestId('decay-mask'));
  expect(maskStrong.equals(maskWeak), 'the decay mask is redrawn').toBe(false);

  // Switching the gate kind to a constant gate: the horizon is the formula again, g = −0.15.
  await page.getByTestId('gate-kind').getByRole('radio', { name: 'constant' }).check();
  // 'constant' is the default gate, so the canonical link leaves it out.
  await expectUrlParam(page, 'gate', null);
  await expect(page.getByTestId('gate-kind').getByRole('radio', { name: 'constant' })).toBeChecked();
  await waitForLabIdle(page, { rows: 64 });
  expectClose(await readoutValue(page, 'horizon-e'), 1 / 0.15, 1e-4, 'constant gate horizon 1/|g|');
});

test('Mamba-2 forget gate: nothing written before the token survives it', async ({ page }) => {
  await openView(page, {
    lesson: 'gating',
    lang: 'en',
    variant: 'mamba2',
    gate: 'forget',
    forgetAt: 20,
    n: 64,
    d: 16,
    t: 30,
  });
  await waitForLabIdle(page, { rows: 64 });
  // g = 0 up to token 19, −1000 at token 20: token 1's write is whole for 18 steps, then gone.
  expectClose(await readoutValue(page, 'horizon-e'), 18 + 1 / 1000, 1e-9, 'horizon of a forget gate');
  expect(await readoutValue(page, 'decay-first')).toBe(0);
  const after = await readoutValue(page, 'state-norm');
  expect(after).toBeGreaterThan(0);

  // At the forget token the state is that token's write alone: S_20 = k_20ᵀ v_20, ‖S_20‖_F = ‖k_20‖·‖v_20‖.
  await page.getByTestId('state-t').focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expectUrlParam(page, 't', '20');
  await waitForLabIdle(page, { rows: 64 });
  const inputs = generateProblem({
    seed: 42,
    n: 64,
    dk: 16,
    dv: 16,
    temperature: 1,
    locality: 0,
    clustering: 0,
  });
  const rowNorm = (x: Float32Array) => Math.hypot(...x.subarray(19 * 16, 20 * 16));
  const written = rowNorm(inputs.k) * rowNorm(inputs.v);
  expectClose(await readoutValue(page, 'state-norm'), written, 1e-4 * written, '‖S_20‖ after the wipe');
  expect(written).toBeLessThan(after);

  // The forget token moves: the horizon moves with it.
  await page.getByTestId('forget-at').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'forgetAt', '21');
  await waitForLabIdle(page, { rows: 64 });
  expectClose(
    await readoutValue(page, 'horizon-e'),
    19 + 1 / 1000,
    1e-9,
    'horizon after moving the forget token',
  );
});

test('DeltaNet reads back the newer value; linear attention reads a blend', async ({ page }) => {
  await openView(page, { lesson: 'gating', lang: 'en', variant: 'deltanet', beta: 0.99, n: 64, d: 16 });
  await waitForLabIdle(page, { rows: 64 });
  const sharp = await readoutValues(page, [
    'overwrite-cos-new-delta',
    'overwrite-err-new-delta',
    'overwrite-cos-new-linear',
    'overwrite-cos-old-linear',
    'overwrite-err-new-linear',
  ]);
  expect(sharp['overwrite-cos-new-delta']).toBeGreaterThan(0.9999);
  expect(sharp['overwrite-err-new-delta']).toBeLessThan(0.03);
  // Linear attention reads v_old + v_new: close to neither.
  expect(sharp['overwrite-cos-new-linear']).toBeLessThan(0.95);
  expect(sharp['overwrite-cos-old-linear']).toBeGreaterThan(0.2);
  expect(sharp['overwrite-err-new-linear']).toBeGreaterThan(0.3);
  // DeltaNet has no decay gate: the horizon says so.
  await expect(page.getByTestId('horizon-e')).toHaveText(/never/);

  // A weaker write keeps part of the old value: β·v_new + β(1−β)·v_old.
  await openView(page, { lesson: 'gating', lang: 'en', variant: 'deltanet', beta: 0.5, n: 64, d: 16 });
  await waitForLabIdle(page, { rows: 64 });
  const soft = await readoutValue(page, 'overwrite-cos-new-delta');
  expect(soft).toBeLessThan(sharp['overwrite-cos-new-delta'] - 1e-3);
  expect(soft).toBeGreaterThan(sharp['overwrite-cos-new-linear']);
});
