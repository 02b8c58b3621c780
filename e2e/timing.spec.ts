// Lesson 8: a small timing sweep completes on the software GPU, is plotted
// with one curve and one slope per selected case, exports the plotted numbers
// as CSV, and a running sweep can be cancelled.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectUrlParam, openView, readoutValue } from './helpers';

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.trim().split(/\r?\n/);
  const keys = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, k) => [keys[k], cell])));
}

test('a small sweep completes: one curve and slope per case, and the CSV holds the plotted numbers', async ({
  page,
}) => {
  await openView(page, {
    lesson: 'timing',
    step: 1,
    lang: 'en',
    sweep: 'softmax.parallel,linear.recurrent',
    sweepMaxN: 256,
    d: 16,
  });
  // The link's cases are the checked boxes.
  await expect(page.getByTestId('case-softmax-parallel')).toBeChecked();
  await expect(page.getByTestId('case-linear-recurrent')).toBeChecked();
  await expect(page.getByTestId('case-softmax-flash')).not.toBeChecked();
  // A third case, ticked in the page, goes into the link.
  await page.getByTestId('case-linear-chunk').check();
  await expectUrlParam(page, 'sweep', 'softmax.parallel,linear.recurrent,linear.chunk');

  const run = page.getByTestId('sweep-run');
  await expect(run).toBeEnabled({ timeout: 60_000 });
  await run.click();
  const chart = page.getByTestId('timing-chart');
  await expect(chart).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('sweep-progress')).toHaveCount(0);
  await expect(page.getByTestId('sweep-skipped')).toHaveCount(0);

  // One curve per case, each with the printed slope of its fit.
  const curves = chart.locator('[data-curve]');
  await expect(curves).toHaveCount(3);
  const ids = await curves.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-curve')));
  expect(ids.sort()).toEqual(['linear chunk', 'linear recurrent', 'softmax parallel']);
  const slopes: Record<string, number> = {};
  for (const id of ids) {
    const [variant, form] = (id ?? '').split(' ');
    const slope = await readoutValue(page, `slope-${variant}-${form}`);
    slopes[`${variant}.${form}`] = slope;
    const curve = chart.locator(`[data-curve="${id}"]`);
    expect(Number(await curve.getAttribute('data-slope'))).toBeCloseTo(slope, 3);
    await expect(curve.getByTestId('timing-chart-slope')).toHaveText(`slope ${slope.toFixed(2)}`);
    // Three sizes, n = 64, 128 and 256: three points per curve.
    await expect(curve.locator('circle')).toHaveCount(3);
  }
  await expect(page.getByTestId('timing-chart-device')).toContainText('(webgpu)');
  // The timer's resolution is on screen (reported by the device, or the finest step observed).
  await expect(page.getByTestId('timing-chart-device')).toContainText(/resolution/i);

  // CSV: every plotted point, with the same slopes.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('timing-chart-export-csv').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('timing-sweep.csv');
  const rows = parseCsv(await readFile(await download.path(), 'utf8'));
  expect(rows).toHaveLength(9);
  for (const row of rows) {
    expect(['64', '128', '256']).toContain(row.n);
    expect(row.dk).toBe('16');
    const key = `${row.variant}.${row.form}`;
    expect(Object.keys(slopes)).toContain(key);
    expect(Number(row.slope)).toBeCloseTo(slopes[key], 9);
    const median = Number(row.ms_median);
    expect(median).toBeGreaterThan(0);
    expect(Number(row.ms_min)).toBeLessThanOrEqual(median);
    expect(Number(row.ms_max)).toBeGreaterThanOrEqual(median);
  }
  // The table under the chart prints the same medians (4 significant digits).
  const table = page.getByTestId('timing-chart-table');
  for (const row of rows) {
    const cells = table.locator('tr', { hasText: `${row.variant} ${row.form}` }).filter({
      has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${row.n}$`) }),
    });
    const printed = Number(await cells.locator('td').nth(2).textContent());
    expect(Math.abs(printed - Number(row.ms_median)) / Number(row.ms_median)).toBeLessThan(1e-3);
  }
});

test('cancel stops a running sweep and says which points were cancelled', async ({ page }) => {
  await openView(page, { lesson: 'timing', step: 1, lang: 'en', sweepMaxN: 4096, d: 16 });
  const run = page.getByTestId('sweep-run');
  await expect(run).toBeEnabled({ timeout: 60_000 });
  await run.click();
  const progress = page.getByTestId('sweep-progress');
  await expect(progress).toBeVisible();
  const total = Number(await progress.getAttribute('max'));
  expect(total).toBe(5 * 7); // five curves × n = 64 … 4096
  await expect
    .poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await page.getByTestId('sweep-cancel').click();

  // Progress goes away, the run button comes back, and the skipped list says "cancelled".
  await expect(progress).toHaveCount(0, { timeout: 60_000 });
  await expect(run).toBeEnabled();
  await expect(page.getByTestId('sweep-cancel')).toBeDisabled();
  const skipped = page.getByTestId('sweep-skipped');
  await expect(skipped).toBeVisible();
  const reasons = await skipped.locator('li').allTextContents();
  const cancelled = reasons.filter((text) => text.endsWith(': cancelled'));
  expect(cancelled.length).toBeGreaterThan(0);
  const plotted = await page.locator('[data-testid="timing-chart"] [data-curve] circle').count();
  // Everything planned is either plotted or listed as skipped; the cancel left points out.
  expect(plotted + reasons.length).toBe(total);
  expect(plotted).toBeLessThan(total);
  // Nothing keeps running after the cancel.
  await page.waitForTimeout(1500);
  expect(await page.locator('[data-testid="timing-chart"] [data-curve] circle').count()).toBe(plotted);
});

test('every variant and form the app runs is offered; cases with extra inputs (gates, projections) time', async ({
  page,
}) => {
  const { FORMS_BY_VARIANT } = await import('../src/state/limits');
  await openView(page, {
    lesson: 'timing',
    step: 1,
    lang: 'en',
    sweep: 'gated-deltanet.chunk,performer.recurrent,linformer.parallel',
    sweepMaxN: 128,
    d: 16,
    chunk: 16,
  });
  for (const [variant, forms] of Object.entries(FORMS_BY_VARIANT)) {
    for (const form of forms ?? []) await expect(page.getByTestId(`case-${variant}-${form}`)).toHaveCount(1);
  }
  const run = page.getByTestId('sweep-run');
  await expect(run).toBeEnabled({ timeout: 60_000 });
  await run.click();
  const chart = page.getByTestId('timing-chart');
  await expect(chart).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('sweep-skipped')).toHaveCount(0);
  const ids = await chart
    .locator('[data-curve]')
    .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-curve')));
  expect(ids.sort()).toEqual(['gated-deltanet chunk', 'linformer parallel', 'performer recurrent']);
  for (const id of ids) await expect(chart.locator(`[data-curve="${id}"] circle`)).toHaveCount(2);
});
