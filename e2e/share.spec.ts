// Share copies the canonical link of the view; opened in a fresh browser
// context it reproduces the same picture: same seed, same Q/K/V, same map
// (pixel for pixel) and the same printed numbers.
import { expect, test, type Page } from '@playwright/test';
import { heatmapCell, heatmapShot, openView, readoutValues, urlParams, waitForLabIdle } from './helpers';

/** What the reader sees of lesson 1's lab, in numbers and text. */
async function printedView(page: Page) {
  const readouts = await readoutValues(page, ['score-count', 'score-bytes']);
  const description = await page
    .getByTestId('heatmap-focus')
    .evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
  const cellA = (await heatmapCell(page, 5, 3)).text;
  const cellB = (await heatmapCell(page, 9, 9)).text;
  const readoutText = await page
    .locator('[data-testid="score-count"], [data-testid="score-bytes"]')
    .allTextContents();
  return { readouts, description, cellA, cellB, readoutText };
}

test('a shared link opened in a new browser context shows a pixel-identical map and the same numbers', async ({
  browser,
  context,
  page,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Causal step of lesson 1 at a small n, then change the seed and the temperature in the page.
  await openView(page, { lesson: 'softmax-wall', step: 2, lang: 'en', n: 96, d: 16 });
  await waitForLabIdle(page, { rows: 96 });
  const seedBefore = urlParams(page).get('seed');
  await page.getByRole('button', { name: 'New seed' }).click();
  await expect.poll(() => urlParams(page).get('seed')).not.toBe(seedBefore);
  await page.getByTestId('temperature-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => urlParams(page).get('temperature')).toBe('1.05');
  await waitForLabIdle(page, { rows: 96 });
  const seed = urlParams(page).get('seed');
  const original = await heatmapShot(page);
  const printed = await printedView(page);

  await page.getByRole('button', { name: 'Share' }).click();
  const manualField = page.locator('#share-link');
  await expect(page.locator('.share__status').or(manualField)).toHaveText(
    /Link copied to the clipboard\.|^http/,
  );
  const link = (await manualField.isVisible())
    ? await manualField.inputValue()
    : await page.evaluate(() => navigator.clipboard.readText());
  // The canonical link is the address bar's: every control that differs from the step's values.
  expect(link).toBe(page.url());
  const shared = new URL(link).searchParams;
  expect(shared.get('lesson')).toBe('softmax-wall');
  expect(shared.get('step')).toBe('2');
  expect(shared.get('seed')).toBe(seed);
  expect(shared.get('temperature')).toBe('1.05');
  expect(shared.get('n')).toBe('96');

  const fresh = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
  try {
    const other = await fresh.newPage();
    await other.goto(link);
    await waitForLabIdle(other, { rows: 96 });
    expect(other.url(), 'the link is already canonical').toBe(link);
    await expect(other.getByTestId('notice')).toHaveCount(0);
    const reopened = await heatmapShot(other);
    expect(reopened.equals(original), 'pixel-identical map').toBe(true);
    expect(await printedView(other)).toEqual(printed);
  } finally {
    await fresh.close();
  }
});
