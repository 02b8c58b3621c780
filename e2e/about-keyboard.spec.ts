// "About this GPU" names the adapter and whether timestamps are available;
// the keyboard alone reaches the skip link and the sliders, with a visible
// focus, and arrow keys move a slider.
import { expect, test } from '@playwright/test';
import { expectUrlParam, openView, waitForLabIdle } from './helpers';

test('About this GPU names the SwiftShader adapter and whether timestamps are available', async ({
  page,
}) => {
  await openView(page, { lesson: 'softmax-wall', lang: 'en' });
  await waitForLabIdle(page, { rows: 64 });
  // What this browser itself reports, to compare with the panel.
  const adapter = await page.evaluate(async () => {
    const found = await navigator.gpu.requestAdapter();
    if (!found) return null;
    return {
      vendor: found.info.vendor,
      architecture: found.info.architecture,
      timestamps: found.features.has('timestamp-query'),
    };
  });
  expect(adapter).not.toBeNull();
  expect(`${adapter?.vendor} ${adapter?.architecture}`).toMatch(/swiftshader/i);

  const button = page.getByRole('button', { name: 'About this GPU' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'About this GPU' });
  await expect(dialog).toBeVisible();
  const fact = (label: string) => dialog.locator(`dt:text-is("${label}") + dd`);
  await expect(fact('Backend')).toHaveText('WebGPU');
  await expect(fact('Vendor')).toHaveText(adapter?.vendor ?? '');
  await expect(fact('Architecture')).toHaveText(adapter?.architecture ?? '');
  await expect(dialog).toContainText(/swiftshader/i);
  await expect(page.getByTestId('about-timestamps')).toHaveText(
    adapter?.timestamps
      ? 'available (timings use timestamp queries)'
      : 'not available (timings use onSubmittedWorkDone, an upper bound)',
  );
  // Limits are listed with the adapter's numbers.
  await expect(
    dialog.locator('table.limits tr', { hasText: 'maxComputeInvocationsPerWorkgroup' }),
  ).toHaveCount(1);
  // Escape closes it and focus returns to the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('About this GPU on the CPU fallback says so and names the cap', async ({ page }) => {
  await openView(page, { lesson: 'rnn', lang: 'en', gpu: 0 });
  await page.getByRole('button', { name: 'About this GPU' }).click();
  const dialog = page.getByRole('dialog', { name: 'About this GPU' });
  await expect(dialog.locator('dt:text-is("Backend") + dd')).toHaveText(/CPU/);
  await expect(dialog).toContainText('n ≤ 1024');
  await expect(page.getByTestId('about-timestamps')).toHaveCount(0);
});

test('keyboard: Tab reaches the skip link, then the sliders; arrows move the n slider', async ({ page }) => {
  await openView(page, { lesson: 'softmax-wall', lang: 'en', d: 16 });
  await waitForLabIdle(page, { rows: 64 });
  // Start from the top of the document as a fresh keyboard reader does.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText('Skip to content');
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#content')).toBeFocused();

  // Tab on until the n slider has focus, seeing every stop's focus ring on the way.
  const slider = page.getByTestId('n-slider');
  let reached = false;
  for (let presses = 0; presses < 80 && !reached; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { testId: null, visible: false, tag: 'none' };
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return {
        testId: el.dataset.testid ?? null,
        visible: el.matches(':focus-visible') && (ring || style.boxShadow !== 'none'),
        tag: `${el.tagName} ${el.className}`,
      };
    });
    expect(focused.visible, `keyboard focus is visible on ${focused.tag}`).toBe(true);
    reached = focused.testId === 'n-slider';
  }
  expect(reached, 'Tab reaches the n slider').toBe(true);
  await expect(slider).toBeFocused();
  await expect(slider).toHaveAccessibleName('Sequence length n');
  await expect(slider).toHaveAttribute('aria-valuetext', '64');

  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'n', '96');
  await expect(slider).toHaveAttribute('aria-valuetext', '96');
  await expect(page.getByTestId('n-slider-value')).toHaveText('96');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expectUrlParam(page, 'n', '48');
  await waitForLabIdle(page, { rows: 48 });

  // The next stop after n is the d slider.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('d-slider')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expectUrlParam(page, 'd', '12');
});
