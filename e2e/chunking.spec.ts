// Lesson 7 (chunking): the chunk slider redraws the chunk diagram over the map
// and writes the link; the chunk form agrees with the recurrent one; the three
// forms are timed on the device with progress and cancel.
import { expect, test } from '@playwright/test';
import {
  expectUrlParam,
  openView,
  readoutValue,
  readoutValues,
  settledShot,
  waitForLabIdle,
} from './helpers';

test('the chunk slider changes the diagram, its numbers and the link', async ({ page }) => {
  await openView(page, { lesson: 'chunking', lang: 'en', variant: 'retnet', n: 256, d: 16, chunk: 64 });
  await waitForLabIdle(page, { rows: 256 });
  const overlay = page.getByTestId('chunk-overlay');
  await expect(overlay).toHaveAttribute('data-chunks', '4');
  await expect(overlay.locator('[data-part="intra"]')).toHaveCount(4);
  await expect(overlay.locator('[data-part="inter"]')).toHaveCount(3);
  await expect(overlay.locator('[data-part="state"]')).toHaveCount(3);
  const at64 = await readoutValues(page, ['chunk-count', 'intra-pairs', 'state-passes', 'chunk-max-diff']);
  expect(at64['chunk-count']).toBe(4);
  expect(at64['intra-pairs']).toBe((4 * 64 * 65) / 2);
  expect(at64['state-passes']).toBe(3);
  expect(at64['chunk-max-diff']).toBeLessThan(1e-3);
  await expect(page.getByTestId('chunk-description')).toContainText('4 chunks of up to 64');
  await page.mouse.move(1, 1);
  const plot = page.getByTestId('heatmap').locator('..');
  const before = await settledShot(plot);

  await page.getByTestId('chunk-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'chunk', '128');
  await waitForLabIdle(page, { rows: 256 });
  await expect(overlay).toHaveAttribute('data-chunks', '2');
  await expect(overlay.locator('[data-part="intra"]')).toHaveCount(2);
  const at128 = await readoutValues(page, ['chunk-count', 'intra-pairs', 'chunk-max-diff']);
  expect(at128['chunk-count']).toBe(2);
  expect(at128['intra-pairs']).toBe((2 * 128 * 129) / 2);
  expect(at128['chunk-max-diff']).toBeLessThan(1e-3);
  await page.mouse.move(1, 1);
  const after = await settledShot(plot);
  expect(after.equals(before), 'the diagram over the map is redrawn').toBe(false);

  // A chunk that does not divide n: 192 = 128 + 64 (the last chunk is shorter), with GLA's gates.
  await openView(page, {
    lesson: 'chunking',
    lang: 'en',
    variant: 'gla',
    gate: 'data',
    n: 192,
    d: 16,
    chunk: 128,
  });
  await waitForLabIdle(page, { rows: 192 });
  expect(await readoutValue(page, 'chunk-count')).toBe(2);
  expect(await readoutValue(page, 'intra-pairs')).toBe((128 * 129) / 2 + (64 * 65) / 2);
  expect(await readoutValue(page, 'chunk-max-diff')).toBeLessThan(1e-3);
});

test('the three forms are timed on the device; cancel stops the sweep', async ({ page }) => {
  await openView(page, {
    lesson: 'chunking',
    lang: 'en',
    variant: 'retnet',
    n: 256,
    d: 16,
    chunk: 32,
    sweepMaxN: 512,
  });
  await waitForLabIdle(page, { rows: 256 });
  await page.getByTestId('timing-run').click();
  await expect(page.getByTestId('timing-progress')).toBeVisible();
  await expect(page.getByTestId('timing-progress')).toBeHidden({ timeout: 60_000 });
  const times = await readoutValues(page, ['time-recurrent', 'time-parallel', 'time-chunk', 'best-chunk']);
  for (const form of ['recurrent', 'parallel', 'chunk']) expect(times[`time-${form}`]).toBeGreaterThan(0);
  expect([8, 16, 32, 64, 128, 256]).toContain(times['best-chunk']);
  await expect(page.getByTestId('time-chunk')).toContainText('at the largest n it ran, 512');
  // Both charts carry every point: 3 forms × 2 sizes, 6 chunk sizes.
  await expect(page.getByTestId('timing-by-n').locator('circle')).toHaveCount(6);
  await expect(page.getByTestId('timing-by-chunk').locator('circle')).toHaveCount(6);

  // Cancel: the run stops early and says which points were skipped.
  await page.getByTestId('timing-run').click();
  await expect(page.getByTestId('timing-progress')).toBeVisible();
  await page.getByTestId('timing-cancel').click();
  await expect(page.getByTestId('timing-progress')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('timing-skipped')).toContainText('not run');
  await page.getByTestId('timing-skipped').locator('summary').click();
  await expect(page.getByTestId('timing-skipped')).toContainText('cancelled');
});
