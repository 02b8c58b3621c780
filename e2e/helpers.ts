// Shared helpers of the end-to-end tests: opening a view by its link, waiting
// until a lab's numbers are computed, reading the printed numbers, taking a
// settled screenshot of a heatmap canvas, and a Chromium without WebGPU.
import { chromium, expect, type Browser, type Locator, type Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';

/** What a readout or a map says while its number is being computed (en, zh). */
export const COMPUTING = ['Computing…', '计算中…'] as const;

export type Query = Readonly<Record<string, string | number | boolean>>;

/** Relative address of a view (the config's baseURL is the app's sub-path). */
export function viewPath(query: Query | string): string {
  if (typeof query === 'string') return `./?${query.replace(/^\?/, '')}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  return `./?${params.toString()}`;
}

export async function openView(page: Page, query: Query | string): Promise<void> {
  await page.goto(viewPath(query));
}

/** The URL's query parameters as the app rewrote them (canonical form). */
export function urlParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** Waits until the address bar says `key=value` (the store writes the URL synchronously). */
export async function expectUrlParam(page: Page, key: string, value: string | null): Promise<void> {
  await expect.poll(() => urlParams(page).get(key), { message: `URL ${key}` }).toBe(value);
}

/** How long the lab must stay idle before its numbers count as settled. */
const IDLE_HOLD_MS = 900;

/**
 * Waits until the lab has nothing in flight: no readout or map says "Computing…",
 * no heatmap is dimmed as pending, and (when given) the main map has n rows.
 * The state must hold for IDLE_HOLD_MS: labs start their secondary runs (timed
 * run, both orders) only SETTLE_MS after the map is painted, and until then
 * those readouts still print the previous key's numbers (see the report).
 */
export async function waitForLabIdle(page: Page, options: { rows?: number; timeout?: number } = {}) {
  const timeout = options.timeout ?? 90_000;
  const lab = page.locator('.lesson__lab');
  await expect(lab).toBeVisible({ timeout });
  if (options.rows !== undefined) {
    await expect(page.getByTestId('heatmap')).toHaveAttribute('data-rows', String(options.rows), { timeout });
  }
  const deadline = Date.now() + timeout;
  let idleSince: number | null = null;
  for (;;) {
    const idle = await lab.evaluate((element, computing) => {
      const text = element.textContent ?? '';
      const busy = computing.some((word) => text.includes(word));
      return !busy && element.querySelector('[class*="_pending_"]') === null;
    }, COMPUTING);
    const now = Date.now();
    if (!idle) idleSince = null;
    else if (idleSince === null) idleSince = now;
    else if (now - idleSince >= IDLE_HOLD_MS) return;
    if (now > deadline) throw new Error('the lab did not finish computing');
    await page.waitForTimeout(100);
  }
}

/** The unformatted number a readout prints (its data-value), after the lab is idle. */
export async function readoutValue(page: Page, name: string): Promise<number> {
  const item = page.getByTestId(name);
  await expect(item).toHaveAttribute('data-value', /\S/);
  const value = Number(await item.getAttribute('data-value'));
  expect(Number.isFinite(value), `${name} is a finite number`).toBe(true);
  return value;
}

export async function readoutValues(page: Page, names: readonly string[]): Promise<Record<string, number>> {
  const values: Record<string, number> = {};
  for (const name of names) values[name] = await readoutValue(page, name);
  return values;
}

/**
 * PNG of an element once its pixels have settled (two equal screenshots in a
 * row): the heatmap draws in an animation frame after the numbers arrive.
 */
export async function settledShot(target: Locator, attempts = 20): Promise<Buffer> {
  let previous = await target.screenshot({ animations: 'disabled' });
  for (let i = 0; i < attempts; i++) {
    await target.page().waitForTimeout(150);
    const next = await target.screenshot({ animations: 'disabled' });
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error('the canvas kept changing');
}

/** The heatmap canvas of the lab's main map, pixels settled. */
export async function heatmapShot(page: Page): Promise<Buffer> {
  // Keep the pointer off the map so no hover box or tooltip is drawn over it.
  await page.mouse.move(1, 1);
  return settledShot(page.getByTestId('heatmap'));
}

/**
 * The weight the heatmap announces for cell (i, j), reached with its keyboard
 * cursor (arrows from the top-left cell), as the printed text and its number.
 */
export async function heatmapCell(
  page: Page,
  i: number,
  j: number,
  testId = 'heatmap',
): Promise<{ text: string; value: number }> {
  const focus = page.getByTestId(`${testId}-focus`);
  await focus.blur();
  await focus.focus();
  for (let step = 0; step < i; step++) await page.keyboard.press('ArrowDown');
  for (let step = 0; step < j; step++) await page.keyboard.press('ArrowRight');
  const announce = page.getByTestId(`${testId}-announce`);
  // "query 3, key 2: 0.01234" (en) or "query 3，key 2：0.01234" (zh).
  const pattern = new RegExp(`\\b${i}\\D+\\b${j}\\s*[:：]\\s*(-?[0-9.]+(?:e-?\\d+)?)\\s*$`);
  await expect(announce).toHaveText(pattern);
  const text = (await announce.textContent()) ?? '';
  const value = Number(pattern.exec(text)?.[1]);
  return { text, value };
}

/** A Chromium started without --enable-unsafe-webgpu: navigator.gpu exists, but no adapter is offered. */
export async function launchWithoutWebGpu(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs.filter((arg) => arg !== '--enable-unsafe-webgpu'),
  });
}

/** Absolute URL of a view on the test server (for pages of a browser launched by hand). */
export function absoluteUrl(baseURL: string | undefined, query: Query | string): string {
  if (!baseURL) throw new Error('baseURL is not set');
  return new URL(viewPath(query), baseURL).toString();
}

/** Every visible notice's text. */
export async function noticeTexts(page: Page): Promise<string[]> {
  return page.locator('[data-testid="notice"] .notice__text').allTextContents();
}

/** |a − b| ≤ tolerance, with both numbers in the failure message. */
export function expectClose(actual: number, expected: number, tolerance: number, what: string): void {
  expect(
    Math.abs(actual - expected),
    `${what}: ${actual} vs ${expected} (tolerance ${tolerance})`,
  ).toBeLessThanOrEqual(tolerance);
}
