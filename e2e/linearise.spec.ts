// Lesson 13's lab: the attention-transfer fit. Step 0 and step 200 of the fit
// printed in the browser equal a Node recomputation with the engine's float64
// fit (on the CPU worker to 1e-9 relative: same code, but Chromium's and Node's
// V8 may round Math.exp differently in the last bit, and 200 Adam steps carry
// such differences along (measured: 3e-15); within 1e-3
// relative on WebGPU, whose f32 step follows the float64 one to about 3e-5 over
// 200 steps on SwiftShader, see src/engine/linearise/gpu.gpu.test.ts), the
// errors fall over the 200 steps, the exported W is the fitted one, and play /
// pause / step behave.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { elu1Errors, heldOutErrors, heldOutProblem, initialProjection, HedgehogFit } from '../src/engine';
import { expectClose, openView, readoutValues } from './helpers';

const INPUTS = { seed: 42, n: 64, d: 16, temperature: 1, locality: 0.5, clustering: 0.5 } as const;
const SETTINGS = { r: 16, loss: 'output', lr: 0.1 } as const;
const VIEW = {
  lesson: 'linearise',
  step: 2,
  ...INPUTS,
  rank: SETTINGS.r,
  fitLoss: SETTINGS.loss,
  lr: SETTINGS.lr,
};
const PRINTED = ['fit-loss', 'fit-map-rms', 'fit-map-max', 'fit-output-rel'] as const;

async function stepValue(page: Page): Promise<number> {
  return Number(await page.getByTestId('fit-step').getAttribute('data-value'));
}

async function waitForStep(page: Page, step: number): Promise<void> {
  await expect(page.getByTestId('fit-step')).toHaveAttribute('data-value', String(step), { timeout: 60_000 });
  await expect(page.getByTestId('fit-run')).toBeEnabled();
}

const CPU_TOLERANCE = 1e-9;

function expectRelative(actual: number, expected: number, relative: number, what: string): void {
  expectClose(actual, expected, relative * Math.abs(expected), what);
}

function reference(steps: number) {
  const fit = HedgehogFit.fromInputs(INPUTS, SETTINGS);
  const start = fit.history[0];
  fit.advance(steps);
  return { fit, start, end: fit.history[steps] };
}

test('CPU worker: step 0 and step 200 equal the float64 fit in Node, errors fall, W exports', async ({
  page,
}) => {
  await openView(page, { ...VIEW, gpu: false });
  await waitForStep(page, 0);
  await expect(page.getByTestId('fit-step')).toContainText('float64');
  const { fit, start, end } = reference(200);
  const atStart = await readoutValues(page, [...PRINTED, 'fit-loss-start', 'fit-elu1-map-rms']);
  expect(atStart['fit-loss']).toBe(start.loss);
  expect(atStart['fit-loss-start']).toBe(start.loss);
  expect(atStart['fit-map-rms']).toBe(start.mapRms);
  expect(atStart['fit-output-rel']).toBe(start.outputRel);
  expect(atStart['fit-elu1-map-rms']).toBe(elu1Errors(fit.problem, fit.target).mapRms);
  const heldOut = heldOutProblem(INPUTS);
  const heldStart = heldOutErrors(heldOut, initialProjection(INPUTS.seed, INPUTS.d, SETTINGS.r), SETTINGS.r);
  expect((await readoutValues(page, ['fit-heldout-map-rms-start']))['fit-heldout-map-rms-start']).toBe(
    heldStart.mapRms,
  );

  await page.getByTestId('fit-run').click();
  await waitForStep(page, 200);
  const atEnd = await readoutValues(page, [...PRINTED, 'fit-heldout-map-rms', 'fit-speed']);
  expectRelative(atEnd['fit-loss'], end.loss, CPU_TOLERANCE, 'loss at step 200');
  expectRelative(atEnd['fit-map-rms'], end.mapRms, CPU_TOLERANCE, 'map RMS at step 200');
  expectRelative(atEnd['fit-map-max'], end.mapMax, CPU_TOLERANCE, 'map max at step 200');
  expectRelative(atEnd['fit-output-rel'], end.outputRel, CPU_TOLERANCE, 'output error at step 200');
  expectRelative(
    atEnd['fit-heldout-map-rms'],
    heldOutErrors(heldOut, fit.w, SETTINGS.r).mapRms,
    CPU_TOLERANCE,
    'held-out map RMS',
  );
  expect(atEnd['fit-speed']).toBeGreaterThan(0);
  // The done criterion: the fitted map's error (and the loss) decrease over 200 steps.
  expect(atEnd['fit-map-rms']).toBeLessThan(atStart['fit-map-rms']);
  expect(atEnd['fit-loss']).toBeLessThan(atStart['fit-loss'] / 3);
  expect(atEnd['fit-output-rel']).toBeLessThan(atStart['fit-output-rel']);
  // The readout prints the loss to 4 significant digits, and the prose quotes the same text.
  const printedLoss = (await page.getByTestId('fit-loss').textContent()) ?? '';
  expect(printedLoss.startsWith(end.loss.toExponential(3))).toBe(true);
  await expect(page.locator('.live-value[data-value="fit-loss"]')).toHaveText(end.loss.toExponential(3));
  await expect(page.locator('.live-value[data-value="fit-step"]')).toHaveText('200');
  // The loss curve's table holds all 201 steps.
  const table = page.getByTestId('fit-loss-chart').locator('table tbody tr');
  await expect(table).toHaveCount(201);

  const download = page.waitForEvent('download');
  await page.getByTestId('fit-w-export-json').click();
  const file = await download;
  const json = JSON.parse(await readFile(await file.path(), 'utf8')) as { step: number; w: number[][] };
  expect(json.step).toBe(200);
  const exported = json.w.flat();
  expect(exported).toHaveLength(fit.w.length);
  exported.forEach((value, i) => expectClose(value, fit.w[i], 1e-9, `W entry ${i}`));
});

test('WebGPU: 200 steps in f32 follow the float64 fit within 1e-3', async ({ page }) => {
  await openView(page, { ...VIEW, gpu: true });
  await waitForStep(page, 0);
  await expect(page.getByTestId('fit-step')).toContainText('WebGPU');
  const { start, end } = reference(200);
  const atStart = await readoutValues(page, [...PRINTED]);
  expectClose(atStart['fit-loss'], start.loss, 1e-3 * start.loss, 'loss at step 0');
  await page.getByTestId('fit-run').click();
  await waitForStep(page, 200);
  const atEnd = await readoutValues(page, [...PRINTED]);
  expectClose(atEnd['fit-loss'], end.loss, 1e-3 * end.loss, 'loss at step 200');
  expectClose(atEnd['fit-map-rms'], end.mapRms, 1e-3 * end.mapRms, 'map RMS at step 200');
  expectClose(atEnd['fit-output-rel'], end.outputRel, 1e-3 * end.outputRel, 'output error at step 200');
  expect(atEnd['fit-map-rms']).toBeLessThan(atStart['fit-map-rms']);
  expect(atEnd['fit-loss']).toBeLessThan(atStart['fit-loss'] / 3);
});

test('中文: step, play and pause; the loss selector restarts the fit', async ({ page }) => {
  await openView(page, { ...VIEW, gpu: false, lang: 'zh' });
  await waitForStep(page, 0);
  await expect(page.getByRole('heading', { name: '实时拟合：手推梯度' }).first()).toBeVisible();
  await page.getByRole('button', { name: '单步' }).click();
  await waitForStep(page, 1);
  await page.getByRole('button', { name: '播放' }).click();
  await expect.poll(() => stepValue(page), { timeout: 30_000 }).toBeGreaterThan(5);
  await page.getByRole('button', { name: '暂停' }).click();
  await expect(page.getByRole('button', { name: '播放' })).toBeVisible();
  const paused = await stepValue(page);
  await page.waitForTimeout(600);
  expect(await stepValue(page)).toBe(paused);
  const { fit } = reference(paused);
  expectRelative(
    (await readoutValues(page, ['fit-loss']))['fit-loss'],
    fit.history[paused].loss,
    CPU_TOLERANCE,
    `loss at step ${paused}`,
  );
  await page.getByTestId('fit-loss-kind').getByRole('radio', { name: '权重的均方误差' }).check();
  await waitForStep(page, 0);
  const weights = HedgehogFit.fromInputs(INPUTS, { ...SETTINGS, loss: 'weights' });
  expect((await readoutValues(page, ['fit-loss']))['fit-loss']).toBe(weights.history[0].loss);
});
