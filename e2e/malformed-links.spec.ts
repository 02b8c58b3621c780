// Malformed, hostile and stale links open the nearest valid view with a
// visible notice that can be dismissed; nothing from the URL runs or is
// rendered as HTML.
import { expect, test, type Page } from '@playwright/test';
import { attentionMatrixBytes } from '../src/engine';
import { LIMITS } from '../src/state/limits';
import { LESSON_IDS } from '../src/state/types';
import { meta as gating } from '../src/lessons/gating/meta';
import { meta as reorder } from '../src/lessons/reorder/meta';
import { meta as softmaxWall } from '../src/lessons/softmax-wall/meta';
import { noticeTexts, openView, readoutValue, urlParams, waitForLabIdle } from './helpers';

const COURSE_MAP_TITLE = 'Linear attention, live';

/** Dismisses every notice with its × button and checks that each one goes. */
async function dismissAll(page: Page) {
  const notices = page.getByTestId('notice');
  let count = await notices.count();
  expect(count).toBeGreaterThan(0);
  while (count > 0) {
    await notices.first().getByRole('button').click();
    await expect(notices).toHaveCount(count - 1);
    count -= 1;
  }
  await expect(page.locator('.notices__list')).toBeEmpty();
}

test('n=-5 is clamped to the smallest n, with a notice', async ({ page }) => {
  await openView(page, 'lesson=softmax-wall&lang=en&n=-5');
  expect(await noticeTexts(page)).toEqual([`n=-5 is out of range; showing n=${LIMITS.n.min}.`]);
  await expect(page.locator('h1')).toHaveText(softmaxWall.title.en);
  expect(urlParams(page).get('n')).toBe(String(LIMITS.n.min));
  await expect(page.getByTestId('n-slider-value')).toHaveText(String(LIMITS.n.min));
  // The lab works at that n.
  await waitForLabIdle(page, { rows: LIMITS.n.min });
  expect(await readoutValue(page, 'score-bytes')).toBe(attentionMatrixBytes(LIMITS.n.min));
  await dismissAll(page);
  // The view stays as it is once the notice is gone.
  expect(urlParams(page).get('n')).toBe(String(LIMITS.n.min));
});

test('n=1e9 is clamped to the largest n, and the CPU fallback runs it at its cap', async ({ page }) => {
  await openView(page, 'lesson=softmax-wall&lang=en&gpu=0&n=1e9');
  expect(await noticeTexts(page)).toEqual([`n=1e9 is out of range; showing n=${LIMITS.n.max}.`]);
  expect(urlParams(page).get('n')).toBe(String(LIMITS.n.max));
  // The CPU backend computes at most n = 1024 and says so in its banner.
  await expect(page.getByTestId('cpu-banner')).toContainText('n = 1024');
  await waitForLabIdle(page, { rows: 1024 });
  expect(await readoutValue(page, 'score-bytes')).toBe(attentionMatrixBytes(1024));
  // The n slider shows the n the lab computes, at the right end of its range.
  await expect(page.getByTestId('n-slider-value')).toHaveText('1024');
  const slider = page.getByTestId('n-slider');
  expect(await slider.inputValue()).toBe(await slider.getAttribute('max'));
  await dismissAll(page);
  await expect(page.getByTestId('cpu-banner')).toBeVisible();
});

// A lesson whose lab computes at most meta.maxN (gating: 512) opens a larger n at that cap: the link,
// the slider and the lab agree, and a notice says why (the URL schema clamps it, not the lab).
test("n above a lesson's cap opens at the cap, in the URL and the lab, with a notice", async ({ page }) => {
  const cap = gating.maxN ?? 0;
  expect(cap).toBe(512);
  await openView(page, 'lesson=gating&step=0&lang=en&n=4096');
  expect(await noticeTexts(page)).toEqual([
    `n=4096 is more than this lesson’s lab computes; showing n=${cap}.`,
  ]);
  await expect(page.locator('h1')).toHaveText(gating.title.en);
  expect(urlParams(page).get('n')).toBe(String(cap));
  await expect(page.getByTestId('n-slider-value')).toHaveText(String(cap));
  // The slider stops at the cap: it is at the right end of its range.
  const slider = page.getByTestId('n-slider');
  expect(await slider.inputValue()).toBe(await slider.getAttribute('max'));
  await dismissAll(page);
  expect(urlParams(page).get('n')).toBe(String(cap));
});

// n=1e9 clamps to the slider's maximum, 16384; on SwiftShader (1 GiB buffers) the n×n matrix does not fit.
// The engine refuses before allocating (src/engine/gpu/memory.ts) and names the largest n that fits; the lab
// offers it as a button, and nothing is left saying "Computing…".
test('n=1e9 on WebGPU: the lab offers the largest n the device holds instead of a raw error', async ({
  page,
}) => {
  await openView(page, 'lesson=softmax-wall&lang=en&n=1e9');
  expect(urlParams(page).get('n')).toBe(String(LIMITS.n.max));
  const error = page.getByTestId('engine-error');
  const useSmaller = error.getByRole('button', { name: /^Use n = \d+$/ });
  await expect(useSmaller).toBeVisible({ timeout: 60_000 });
  const offered = Number((await useSmaller.textContent())?.replace(/\D+/g, ''));
  expect(offered).toBeGreaterThan(1024);
  expect(offered).toBeLessThan(LIMITS.n.max);
  await expect(error).not.toContainText('Invalid Buffer');
  await expect(page.getByTestId('heatmap-empty')).toHaveText(
    'No map: the engine could not compute it (see the message above).',
  );
  await expect(page.getByTestId('run-ms')).toContainText(/^not run/);
  await expect(page.getByTestId('run-ms')).not.toHaveAttribute('data-value');
});

test('an unknown lesson opens the course map with a notice', async ({ page }) => {
  await openView(page, 'lesson=attention-is-all&lang=en');
  expect(await noticeTexts(page)).toEqual([
    'There is no lesson “attention-is-all” here; showing the course map.',
  ]);
  await expect(page.locator('h1')).toHaveText(COURSE_MAP_TITLE);
  await expect(page.locator('ol.cards > li')).toHaveCount(LESSON_IDS.length);
  expect(urlParams(page).get('lesson')).toBeNull();
  await dismissAll(page);
  // The course map still works: a card opens its lesson.
  await page.locator('a.card__link').first().click();
  await expect(page.locator('h1')).toHaveText(softmaxWall.title.en);
});

test('script text in parameters is never run or rendered as HTML', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const hostile =
    'lesson=' +
    encodeURIComponent('<script>window.__pwned=1</script>') +
    '&seed=' +
    encodeURIComponent('<img src=x onerror=window.__pwned=1>') +
    '&lang=en&theme=' +
    encodeURIComponent('"><svg onload=alert(1)>');
  await openView(page, hostile);
  await expect(page.locator('h1')).toHaveText(COURSE_MAP_TITLE);
  const texts = await noticeTexts(page);
  expect(texts.length).toBe(3);
  expect(texts.some((text) => text.includes('<script>window.__pwned=1'))).toBe(true);
  expect(texts.some((text) => text.startsWith('seed=<img src=x onerror='))).toBe(true);
  // The notices hold text only: no element inside, the markup escaped in their HTML.
  const noticeHtml = await page.locator('.notices__list').innerHTML();
  expect(noticeHtml).toContain('&lt;script&gt;');
  expect(noticeHtml).not.toContain('<img');
  await expect(page.locator('.notice__text *')).toHaveCount(0);
  // Nothing ran and nothing was injected anywhere in the page.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"], svg[onload], script:not([src]):has-text("__pwned")')).toHaveCount(
    0,
  );
  // The view is valid and canonical: course map, default seed and theme.
  expect(urlParams(page).get('lesson')).toBeNull();
  expect(urlParams(page).get('seed')).toBeNull();
  expect(urlParams(page).get('theme')).toBeNull();
  // Several notices: one button dismisses them all.
  await page.getByRole('button', { name: 'Dismiss all notices' }).click();
  await expect(page.getByTestId('notice')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('script text in a control of a real lesson: the lesson opens and its lab works', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openView(
    page,
    'lesson=reorder&lang=en&n=64&featureMap=' + encodeURIComponent('<svg/onload=window.__pwned=1>'),
  );
  await expect(page.locator('h1')).toHaveText(reorder.title.en);
  const texts = await noticeTexts(page);
  expect(texts).toHaveLength(1);
  // Quoted as text, cut to a short length.
  expect(texts[0]).toBe(
    'This app has no featureMap called “<svg/onload=window.__pwn…”; showing featureMap=identity.',
  );
  // Step 1's feature map (identity) is used instead, and the lab computes with it.
  expect(urlParams(page).get('featureMap')).toBeNull();
  await expect(page.getByTestId('feature-map').getByRole('radio', { checked: true })).toHaveAccessibleName(
    /identity/,
  );
  await waitForLabIdle(page, { rows: 64 });
  expect(await readoutValue(page, 'max-diff')).toBeLessThan(1e-4);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await dismissAll(page);
});
