// Lesson 9's lab on the CPU fallback (gpu=0): the printed scores, FLOPs and
// errors of the enlarged family, the table of all families and the cost
// slopes equal the engine's float64 computation in Node (familyGallery.ts over the
// engine's CPU references) on the same seeded inputs; the gallery cards and
// the block slider (keyboard) change the view and the numbers.
import { expect, test, type Page } from '@playwright/test';
import {
  loadCpuForms,
  computeCostCurves,
  computeGallery,
  FAMILY_IDS,
  type FamilyId,
  type FamilySettings,
  type Gallery,
} from '../src/engine';
import { expectUrlParam, heatmapCell, openView, readoutValues, waitForLabIdle } from './helpers';

// The specs recompute the lab's numbers with the float64 references in Node.
test.beforeAll(() => loadCpuForms());

const N = 64;
const D = 8;
const INPUTS = { seed: 5, n: N, d: D, temperature: 1, locality: 0.3, clustering: 0 };
const SETTINGS: FamilySettings = { window: 8, block: 8, globals: 2, buckets: 4, kproj: 16, landmarks: 8 };
const PRINTED = ['family-scores', 'family-flops', 'family-rel-error', 'family-output-error'] as const;

function close(actual: number, wanted: number, what: string): void {
  const tolerance = 1e-3 * Math.max(Math.abs(wanted), 1e-9);
  expect(Math.abs(actual - wanted), `${what}: printed ${actual}, engine ${wanted}`).toBeLessThanOrEqual(
    tolerance,
  );
}

async function expectFamily(page: Page, gallery: Gallery, id: FamilyId): Promise<void> {
  await waitForLabIdle(page, { rows: N });
  const printed = await readoutValues(page, PRINTED);
  const entry = gallery.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no ${id}`);
  expect(printed['family-scores'], `${id} scores`).toBe(entry.scores);
  expect(printed['family-flops'], `${id} flops`).toBe(entry.flops);
  close(printed['family-rel-error'], entry.relFrobenius, `${id} map error`);
  close(printed['family-output-error'], entry.maxOutputError, `${id} output error`);
}

test('family gallery on the CPU fallback: every printed number equals the engine', async ({ page }) => {
  test.setTimeout(90_000);
  const gallery = await computeGallery(INPUTS, SETTINGS);
  await openView(page, {
    lesson: 'family',
    lang: 'en',
    gpu: 0,
    n: N,
    d: D,
    seed: INPUTS.seed,
    temperature: 1,
    locality: 0.3,
    clustering: 0,
    causal: false,
    pattern: 'block',
    ...SETTINGS,
  });
  await expectFamily(page, gallery, 'block');

  // The table lists all eight families with the engine's scores and FLOPs.
  const rows = page.getByTestId('family-table').locator('tbody tr');
  await expect(rows).toHaveCount(FAMILY_IDS.length);
  for (const entry of gallery.entries) {
    const cells = page.locator(`[data-testid="family-table"] tr[data-family="${entry.id}"] td[data-value]`);
    expect(Number(await cells.nth(0).getAttribute('data-value')), `${entry.id} table scores`).toBe(
      entry.scores,
    );
    expect(Number(await cells.nth(1).getAttribute('data-value')), `${entry.id} table flops`).toBe(
      entry.flops,
    );
  }
  await expect(page.getByTestId('thumb-lsh')).toBeVisible();

  // A gallery card enlarges its family.
  await page.getByRole('button', { name: 'Enlarge LSH buckets (Reformer)' }).click();
  await expectUrlParam(page, 'pattern', 'lsh');
  await expectFamily(page, gallery, 'lsh');
  await page.getByRole('button', { name: 'Enlarge Nyströmformer (landmarks)' }).click();
  await expectUrlParam(page, 'pattern', 'nystrom');
  await expectFamily(page, gallery, 'nystrom');

  // The cost slopes: softmax 2, window 1, strided above 1.8 (fixed b).
  const curves = await computeCostCurves(INPUTS, SETTINGS);
  const slopes = await readoutValues(
    page,
    curves.map((c) => `slope-${c.id}`),
  );
  for (const c of curves) close(slopes[`slope-${c.id}`], c.slope, `slope ${c.id}`);
  expect(slopes['slope-softmax']).toBeCloseTo(2, 6);
  expect(slopes['slope-window']).toBeCloseTo(1, 2);

  // Block b 8 → 4 with the keyboard: new numbers, recomputed by the engine.
  await page.getByTestId('block-slider').focus();
  await page.keyboard.press('ArrowLeft');
  await expectUrlParam(page, 'block', '4');
  const wider = await computeGallery(INPUTS, { ...SETTINGS, block: 4 });
  await expectFamily(page, wider, 'nystrom');
  await page.getByRole('button', { name: 'Enlarge Block-local' }).click();
  await expectFamily(page, wider, 'block');
  expect(wider.entries.find((e) => e.id === 'block')?.scores).toBe(N * 4);
});

test('family: nystrom says why when n is not a multiple of m', async ({ page }) => {
  test.setTimeout(60_000);
  await openView(page, {
    lesson: 'family',
    lang: 'zh',
    gpu: 0,
    n: 60,
    d: D,
    seed: 5,
    pattern: 'nystrom',
    landmarks: 8,
  });
  await expect(page.getByTestId('family-card-nystrom')).toContainText('landmarks', { timeout: 60_000 });
  await expect(page.getByTestId('family-card-nystrom')).toContainText('当前设置下无法计算');
});

test("family on WebGPU: the enlarged map is the GPU kernels' and matches the float64 map", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const gallery = await computeGallery(INPUTS, SETTINGS);
  await openView(page, {
    lesson: 'family',
    lang: 'en',
    n: N,
    d: D,
    seed: INPUTS.seed,
    temperature: 1,
    locality: 0.3,
    clustering: 0,
    causal: false,
    pattern: 'lsh',
    ...SETTINGS,
  });
  await expect(page.getByTestId('family-map-source')).toContainText('WebGPU kernels', { timeout: 60_000 });
  for (const id of ['lsh', 'nystrom'] as const) {
    if (id !== 'lsh') await page.getByRole('button', { name: 'Enlarge Nyströmformer (landmarks)' }).click();
    await expectFamily(page, gallery, id);
    const map = gallery.entries.find((e) => e.id === id)?.map as Float64Array;
    expect((await readoutValues(page, ['family-gpu-diff']))['family-gpu-diff']).toBeLessThanOrEqual(1e-3);
    // Cells announced by the GPU-drawn map against the float64 map (f32 tolerance).
    for (const [i, j] of [
      [0, 0],
      [3, 1],
    ] as const) {
      const cell = await heatmapCell(page, i, j);
      expect(Math.abs(cell.value - map[i * N + j]), `${id} (${i}, ${j})`).toBeLessThanOrEqual(1e-3);
    }
  }
});
