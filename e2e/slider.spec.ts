// The n slider drives the attention map and the link: the keyboard moves it one
// grid value, a mouse drag over many values makes one history entry, and Back
// restores both the previous n and the previous map.
import { expect, test } from '@playwright/test';
import { attentionMatrixBytes } from '../src/engine';
import { expectUrlParam, heatmapShot, openView, readoutValue, urlParams, waitForLabIdle } from './helpers';

test('n slider: keyboard and one mouse drag change the map and the URL; Back restores both', async ({
  page,
}) => {
  // Lesson 1, step 1: softmax, non-causal, n = 64 from the step's defaults.
  await openView(page, { lesson: 'softmax-wall', lang: 'en', d: 16 });
  await waitForLabIdle(page, { rows: 64 });
  const slider = page.getByTestId('n-slider');
  await expect(page.getByTestId('n-slider-value')).toHaveText('64');
  const map64 = await heatmapShot(page);

  // Keyboard: one arrow press moves to the next value of the log grid (64 → 96).
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'n', '96');
  await expect(page.getByTestId('n-slider-value')).toHaveText('96');
  await waitForLabIdle(page, { rows: 96 });
  expect(await readoutValue(page, 'score-bytes')).toBe(attentionMatrixBytes(96));
  const map96 = await heatmapShot(page);
  expect(map96.equals(map64), 'the map changed with n').toBe(false);

  // Mouse: press on the thumb and drag right across several values in many small moves.
  const historyBefore = await page.evaluate(() => history.length);
  const box = await slider.boundingBox();
  if (!box) throw new Error('slider has no box');
  const min = Number(await slider.getAttribute('min'));
  const max = Number(await slider.getAttribute('max'));
  const index = Number(await slider.inputValue());
  // The thumb's centre: the track runs from half a thumb in from each end (thumb ≈ box height).
  const thumb = box.height / 2;
  const xAt = (i: number) => box.x + thumb + ((i - min) / (max - min)) * (box.width - 2 * thumb);
  const y = box.y + box.height / 2;
  const seen = new Set<string>();
  await page.mouse.move(xAt(index), y);
  await page.mouse.down();
  for (let k = 1; k <= 12; k++) {
    await page.mouse.move(xAt(index) + (k * (xAt(index + 3) - xAt(index))) / 12, y);
    seen.add(urlParams(page).get('n') ?? '');
  }
  await page.mouse.up();
  const draggedN = Number(urlParams(page).get('n'));
  expect(draggedN, 'the drag moved n up by about three grid values').toBeGreaterThanOrEqual(192);
  expect(draggedN).toBeLessThanOrEqual(384);
  expect(seen.size, 'the drag passed through several values').toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => history.length), 'one drag = one history entry').toBe(historyBefore + 1);
  await expect(page.getByTestId('n-slider-value')).toHaveText(String(draggedN));
  await waitForLabIdle(page, { rows: draggedN });
  expect(await readoutValue(page, 'score-bytes')).toBe(attentionMatrixBytes(draggedN));
  const mapDragged = await heatmapShot(page);
  expect(mapDragged.equals(map96), 'the map changed with the drag').toBe(false);

  // Back: the n before the drag, and the very same pixels as before.
  await page.goBack();
  await expectUrlParam(page, 'n', '96');
  await expect(page.getByTestId('n-slider-value')).toHaveText('96');
  await waitForLabIdle(page, { rows: 96 });
  expect((await heatmapShot(page)).equals(map96), 'Back restores the previous map').toBe(true);

  // Back again: before the arrow press (n = 64 is the step's own value, so the link leaves it out).
  await page.goBack();
  await expectUrlParam(page, 'n', null);
  await expect(page.getByTestId('n-slider-value')).toHaveText('64');
  await waitForLabIdle(page, { rows: 64 });
  expect((await heatmapShot(page)).equals(map64)).toBe(true);

  // Forward returns to the dragged n.
  await page.goForward();
  await page.goForward();
  await expectUrlParam(page, 'n', String(draggedN));
});
