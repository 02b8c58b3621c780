// Lesson 14 (seq-parallel): the simulated traffic printed by the lab equals
// §23's formulas and the engine's own simulation (recomputed here in Node) at
// several W and n, the distributed outputs equal the single-device CPU engine
// to rounding, the ring animation steps through the recorded messages from the
// keyboard, and the traffic chart's counted values match the formulas.
import { expect, test, type Page } from '@playwright/test';
import {
  generateProblem,
  lasp2FormulaFloats,
  meanPerDevice,
  ringFormulaFloats,
  simulateLasp2,
  simulateRing,
} from '../src/engine';
import { expectClose, expectUrlParam, openView, readoutValues, waitForLabIdle } from './helpers';

const PRINTED = [
  'sp-lasp-diff',
  'sp-ring-diff',
  'sp-lasp-recv',
  'sp-lasp-formula',
  'sp-ring-recv',
  'sp-ring-formula',
  'sp-ratio',
  'sp-ratio-formula',
] as const;

async function printed(page: Page) {
  await waitForLabIdle(page);
  return readoutValues(page, PRINTED);
}

/** The traffic the engine's simulation counts for these inputs (seed 42 as in the links below). */
function simulated(n: number, d: number, W: number) {
  const p = generateProblem({ seed: 42, n, dk: d, dv: d, temperature: 1, locality: 0, clustering: 0 });
  const lasp = simulateLasp2({ ...p, n, dk: d, dv: d }, W, { featureMap: 'elu1', gamma: 1, scale: 1 });
  const ring = simulateRing({ ...p, n, dk: d, dv: d }, W, { scale: 1 / Math.sqrt(d) });
  return { lasp: meanPerDevice(lasp.traffic.received), ring: meanPerDevice(ring.traffic.received) };
}

test('traffic equals the §23 formulas and the engine simulation at several W and n; outputs match one device', async ({
  page,
}) => {
  const d = 8;
  for (const [W, n] of [
    [4, 64],
    [5, 64],
    [8, 256],
    [3, 100],
  ] as const) {
    await openView(page, { lesson: 'seq-parallel', step: 0, lang: 'en', seed: 42, devices: W, n, d });
    const values = await printed(page);
    const what = `W=${W}, n=${n}`;
    expect(values['sp-lasp-recv'], `${what} LASP-2 counted`).toBe((W - 1) * d * d);
    expect(values['sp-lasp-formula'], `${what} LASP-2 formula`).toBe(lasp2FormulaFloats(W, d, d));
    expectClose(
      values['sp-ring-recv'],
      ringFormulaFloats(n, W, d, d),
      1e-9,
      `${what} Ring counted vs formula`,
    );
    expectClose(values['sp-ring-formula'], (2 * d * n * (W - 1)) / W, 1e-9, `${what} Ring formula`);
    if (n % W === 0) expect(values['sp-ring-recv']).toBe((W - 1) * 2 * (n / W) * d);
    const node = simulated(n, d, W);
    expect(values['sp-lasp-recv']).toBe(node.lasp);
    expectClose(values['sp-ring-recv'], node.ring, 1e-9, `${what} Ring counted in Node`);
    expect(values['sp-lasp-diff'], `${what} LASP-2 vs single device`).toBeLessThanOrEqual(1e-12);
    expect(values['sp-ring-diff'], `${what} Ring vs single device`).toBeLessThanOrEqual(1e-12);
    expectClose(values['sp-ratio'], values['sp-ratio-formula'], 1e-12, `${what} ratio d/(2C)`);
  }
  // The prose quotes the lab's numbers.
  await openView(page, { lesson: 'seq-parallel', step: 0, lang: 'en', seed: 42 });
  await waitForLabIdle(page);
  await expect(page.locator('.live-value[data-value="sp-lasp-recv"]')).toHaveText('192');
  await expect(page.locator('.live-value[data-value="sp-lasp-formula"]')).toHaveText('192');
});

test('the devices slider changes the split and the counts; the ring animation steps through the messages', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openView(page, { lesson: 'seq-parallel', step: 0, lang: 'en', seed: 42 });
  await waitForLabIdle(page);
  await expect(page.getByTestId('sp-split')).toContainText('C = 16');
  await page.getByTestId('devices-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'devices', '5');
  await expect(page.getByTestId('sp-split')).toContainText(
    'the first 4 devices hold 13 tokens, the others 12',
  );
  const five = await printed(page);
  expect(five['sp-lasp-recv']).toBe(4 * 64);

  const ring = page.getByTestId('device-ring');
  await expect(ring).toHaveAttribute('data-frame', '0');
  await page.getByTestId('device-ring-next').focus();
  await page.keyboard.press('Enter');
  await expect(ring).toHaveAttribute('data-frame', '1');
  await expect(page.getByTestId('device-ring-phase')).toContainText('ring step 1 of 4');
  await ring.locator('summary').click();
  const rows = page.getByTestId('device-ring-log').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.first().locator('td').nth(3)).toHaveText('64');
  // Play runs to the end by itself (reduced motion: slow steps, no travelling tokens).
  await page.getByTestId('device-ring-play').click();
  await expect(ring).toHaveAttribute('data-frame', '5', { timeout: 15_000 });
  await expect(page.getByTestId('device-ring-phase')).toContainText('equal the single-device run');

  // Decay on: each state carries its chunk total too, (W−1)(d² + 1) floats; output = RetNet on one device.
  await page.getByTestId('sp-decay').check();
  await waitForLabIdle(page);
  const decayed = await readoutValues(page, ['sp-lasp-recv', 'sp-lasp-formula', 'sp-lasp-diff']);
  expect(decayed['sp-lasp-recv']).toBe(4 * 65);
  expect(decayed['sp-lasp-formula']).toBe(4 * 65);
  expect(decayed['sp-lasp-diff']).toBeLessThanOrEqual(1e-12);
  await expect(page.getByTestId('sp-lasp-diff')).toContainText('RetNet');

  // Ring Attention: blocks of 2·C·d floats; from a later device they are only passed on.
  await page.getByTestId('sp-algorithm').locator('input[value="ring"]').check();
  await expectUrlParam(page, 'variant', 'softmax');
  await waitForLabIdle(page);
  await page.getByTestId('device-ring-next').click();
  await expect(page.getByTestId('device-ring-phase')).toContainText('merges the block it receives');
  await expect(page.getByTestId('device-ring-log')).toContainText('masked (later slice), passed on');
});

test('the traffic chart: counted = formula over n, crossover at W·d/2; Chinese text', async ({ page }) => {
  await openView(page, { lesson: 'seq-parallel', step: 2, lang: 'en', seed: 42 });
  await waitForLabIdle(page);
  const values = await readoutValues(page, [
    'sp-sweep-worst',
    'sp-crossover',
    'sp-ratio',
    'sp-ratio-formula',
  ]);
  expect(values['sp-sweep-worst']).toBe(0);
  expect(values['sp-crossover']).toBe((8 * 16) / 2);
  expectClose(values['sp-ratio'], 16 / (2 * (512 / 8)), 1e-12, 'ratio at n = 512, W = 8, d = 16');
  const chart = page.getByTestId('sp-traffic-chart');
  await expect(chart.locator('[data-series]')).toHaveCount(4);
  await chart.locator('details summary').click();
  // 2^20 with W = 8, d = 16: Ring 2·16·2^20·7/8 = 29,360,128 floats per device (printed to 3 digits).
  await expect(chart.locator('table')).toContainText('2.94e7');
  await page.getByTestId('d-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'd', '32');
  await waitForLabIdle(page);
  expect((await readoutValues(page, ['sp-crossover']))['sp-crossover']).toBe(128);

  await openView(page, { lesson: 'seq-parallel', step: 1, lang: 'zh', seed: 42 });
  await waitForLabIdle(page);
  await expect(page.getByTestId('sp-split')).toContainText('每台持有 C = 16 个 token');
  await expect(page.locator('.live-value[data-value="sp-ring-recv"]')).toHaveText('768');
});
