// The numbers the labs print agree with the engine's cost models for the
// current n and d, and the lab's own controls (feature map, causal mask)
// change both the link and the numbers.
import { expect, test } from '@playwright/test';
import {
  attentionMatrixBytes,
  attentionPairs,
  flopCount,
  kvCacheBytes,
  linearStateBytes,
} from '../src/engine';
import { expectUrlParam, openView, readoutValue, readoutValues, waitForLabIdle } from './helpers';

test('lesson 2 prints the FLOPs of both orders and a tiny difference; feature map and mask change them', async ({
  page,
}) => {
  const n = 128;
  const d = 16;
  const dims = { n, dk: d, dv: d };
  await openView(page, { lesson: 'reorder', lang: 'en', n, d });
  await waitForLabIdle(page, { rows: n });
  // Identity map, no mask (step 1): plain matrix products, no normaliser.
  const identity = await readoutValues(page, ['flops-quadratic', 'flops-linear', 'flops-ratio', 'max-diff']);
  const plain = { causal: false, normalize: false };
  expect(identity['flops-quadratic']).toBe(flopCount('linear', 'parallel', dims, plain));
  expect(identity['flops-linear']).toBe(flopCount('linear', 'recurrent', dims, plain));
  expect(identity['flops-quadratic']).toBe(2 * n * n * (d + d));
  expect(identity['flops-ratio']).toBeCloseTo(identity['flops-quadratic'] / identity['flops-linear'], 9);
  expect(identity['max-diff']).toBeLessThan(1e-4);
  await expect(page.getByTestId('flops-quadratic')).toContainText('1.05 MFLOP');

  // elu + 1: the normaliser adds a value column, and the link says so.
  await page.getByTestId('feature-map').getByRole('radio', { name: 'elu + 1' }).check();
  await expectUrlParam(page, 'featureMap', 'elu1');
  await waitForLabIdle(page, { rows: n });
  const elu = await readoutValues(page, ['flops-quadratic', 'flops-linear', 'max-diff']);
  const normalised = { causal: false, normalize: true };
  expect(elu['flops-quadratic']).toBe(flopCount('linear', 'parallel', dims, normalised));
  expect(elu['flops-linear']).toBe(flopCount('linear', 'recurrent', dims, normalised));
  expect(elu['flops-linear']).not.toBe(identity['flops-linear']);
  expect(elu['max-diff']).toBeLessThan(1e-4);
  expect(elu['max-diff']).not.toBe(identity['max-diff']);

  // Causal mask: the quadratic order only scores the n(n+1)/2 kept pairs.
  await page.getByTestId('causal-toggle').check();
  await expectUrlParam(page, 'causal', '1');
  await waitForLabIdle(page, { rows: n });
  const causal = await readoutValues(page, ['flops-quadratic', 'flops-linear', 'max-diff']);
  expect(causal['flops-quadratic']).toBe(
    flopCount('linear', 'parallel', dims, { causal: true, normalize: true }),
  );
  expect(causal['flops-quadratic']).toBeLessThan(elu['flops-quadratic']);
  expect(causal['flops-linear']).toBe(
    flopCount('linear', 'recurrent', dims, { causal: true, normalize: true }),
  );
  expect(causal['max-diff']).toBeLessThan(1e-4);

  // d moves the FLOPs the same way the model does.
  await page.getByTestId('d-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'd', '24');
  await waitForLabIdle(page, { rows: n });
  expect(await readoutValue(page, 'flops-linear')).toBe(
    flopCount('linear', 'recurrent', { n, dk: 24, dv: 24 }, { causal: true, normalize: true }),
  );
});

test('lesson 1 prints 4·n² bytes and the pairs the mask keeps; the mask toggle changes the link', async ({
  page,
}) => {
  await openView(page, { lesson: 'softmax-wall', lang: 'en', n: 96, d: 16 });
  await waitForLabIdle(page, { rows: 96 });
  expect(await readoutValue(page, 'score-bytes')).toBe(4 * 96 * 96);
  expect(await readoutValue(page, 'score-bytes')).toBe(attentionMatrixBytes(96));
  expect(await readoutValue(page, 'score-count')).toBe(96 * 96);
  await expect(page.getByTestId('score-bytes')).toContainText('36 KiB');
  expect(await readoutValue(page, 'run-ms')).toBeGreaterThan(0);

  await page.getByTestId('causal-toggle').check();
  await expectUrlParam(page, 'causal', '1');
  await waitForLabIdle(page, { rows: 96 });
  expect(await readoutValue(page, 'score-count')).toBe(attentionPairs(96, true));
  expect(await readoutValue(page, 'score-count')).toBe((96 * 97) / 2);
  // The matrix is still allocated in full.
  expect(await readoutValue(page, 'score-bytes')).toBe(4 * 96 * 96);

  await page.getByTestId('n-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'n', '128');
  await waitForLabIdle(page, { rows: 128 });
  expect(await readoutValue(page, 'score-bytes')).toBe(4 * 128 * 128);
});

test('lesson 4 prints KV-cache and state bytes from the cost model; the feature map changes them', async ({
  page,
}) => {
  // Step 1: n = 64, d = 16; scrub to t = 48.
  await openView(page, { lesson: 'rnn', lang: 'en', t: 48 });
  await waitForLabIdle(page);
  const elu = await readoutValues(page, ['kv-bytes', 'state-bytes', 'state-norm', 'max-diff']);
  expect(elu['kv-bytes']).toBe(kvCacheBytes(48, 16, 16));
  expect(elu['kv-bytes']).toBe(48 * 32 * 4);
  expect(elu['state-bytes']).toBe(linearStateBytes(16, 16, true));
  expect(elu['state-bytes']).toBe((16 * 16 + 16) * 4);
  expect(elu['max-diff']).toBeLessThan(1e-4);

  await page
    .getByTestId('feature-map')
    .getByRole('radio', { name: /identity/ })
    .check();
  await expectUrlParam(page, 'featureMap', 'identity');
  await waitForLabIdle(page);
  const identity = await readoutValues(page, ['kv-bytes', 'state-bytes', 'state-norm']);
  // No normaliser z without a positive feature map: the state is S alone.
  expect(identity['state-bytes']).toBe(linearStateBytes(16, 16, false));
  expect(identity['kv-bytes']).toBe(elu['kv-bytes']);
  expect(identity['state-norm']).not.toBeCloseTo(elu['state-norm'], 3);

  // Scrubbing t grows the KV cache, never the state.
  await page.getByTestId('state-t').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 't', '49');
  await waitForLabIdle(page);
  const later = await readoutValues(page, ['kv-bytes', 'state-bytes', 'state-norm']);
  expect(later['kv-bytes']).toBe(kvCacheBytes(49, 16, 16));
  expect(later['state-bytes']).toBe(identity['state-bytes']);
  expect(later['state-norm']).not.toBe(identity['state-norm']);
});

// Secondary runs (both orders, the timed run) start only after the new map is painted and the control
// has rested; until their result for the new settings is back, the readout says "Computing…" instead
// of the previous settings' number (it used to keep it for about 1.6 s on SwiftShader).
test('lesson 2: after the feature map changes, the readout never prints the previous map’s difference', async ({
  page,
}) => {
  await openView(page, { lesson: 'reorder', lang: 'en', n: 128, d: 16 });
  await waitForLabIdle(page, { rows: 128 });
  const before = await page.getByTestId('max-diff').evaluate((el) => el.firstChild?.textContent ?? '');
  // Record what the readout prints in every frame from the change on.
  await page.evaluate(() => {
    const frames: string[] = [];
    (window as unknown as { __frames: string[] }).__frames = frames;
    const readout = document.querySelector('[data-testid="max-diff"]');
    document.querySelector('[data-testid="feature-map"]')?.addEventListener(
      'change',
      () => {
        const start = performance.now();
        const sample = () => {
          frames.push(readout?.firstChild?.textContent ?? '');
          if (performance.now() - start < 3000) requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      },
      { once: true },
    );
  });
  await page.getByTestId('feature-map').getByRole('radio', { name: 'elu + 1' }).check();
  await page.waitForTimeout(3200);
  const frames = await page.evaluate(() => (window as unknown as { __frames: string[] }).__frames);
  expect(frames.length).toBeGreaterThan(0);
  expect(frames.filter((text) => text === before)).toEqual([]);
});

test('lesson 1: after n changes, “Time of this run” never prints the previous n’s time', async ({ page }) => {
  await openView(page, { lesson: 'softmax-wall', lang: 'en', n: 96, d: 16 });
  await waitForLabIdle(page, { rows: 96 });
  const before = await page.getByTestId('run-ms').evaluate((el) => el.firstChild?.textContent ?? '');
  expect(before).toMatch(/\d/);
  await page.evaluate(() => {
    const frames: string[] = [];
    (window as unknown as { __frames: string[] }).__frames = frames;
    const readout = document.querySelector('[data-testid="run-ms"]');
    document.querySelector('[data-testid="n-slider"]')?.addEventListener(
      'input',
      () => {
        const start = performance.now();
        const sample = () => {
          frames.push(readout?.firstChild?.textContent ?? '');
          if (performance.now() - start < 3000) requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      },
      { once: true },
    );
  });
  await page.getByTestId('n-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'n', '128');
  await page.waitForTimeout(3200);
  const frames = await page.evaluate(() => (window as unknown as { __frames: string[] }).__frames);
  expect(frames.length).toBeGreaterThan(0);
  expect(frames[0]).toBe('Computing…');
  expect(frames.filter((text) => text === before)).toEqual([]);
  await waitForLabIdle(page, { rows: 128 });
  expect(await readoutValue(page, 'run-ms')).toBeGreaterThan(0);
});
