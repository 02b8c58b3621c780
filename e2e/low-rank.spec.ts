// Lesson 5's lab: Focused's p slider lowers the row entropy and changes the
// rank, InLine adds one to the rank bound, RALA has no causal form; every
// printed number equals the engine's float64 references and analysis module
// on the same seeded inputs.
import { expect, test, type Page } from '@playwright/test';
import {
  loadCpuForms,
  compareWithSoftmax,
  featureMatrices,
  featureRankBound,
  rowEntropies,
  spectrum,
  cpuWeights,
  generateProblem,
  type Params,
  type VariantId,
} from '../src/engine';
import { expectUrlParam, heatmapShot, openView, readoutValues, waitForLabIdle } from './helpers';

// The specs recompute the lab's numbers with the float64 references in Node.
test.beforeAll(() => loadCpuForms());

const SEED = 11;
const N = 64;
const D = 16;
const TEMPERATURE = 2;
const PRINTED = [
  'effective-rank',
  'numerical-rank',
  'rank-bound',
  'mean-entropy',
  'rel-frobenius',
  'mean-kl',
  'max-output-error',
] as const;
type Printed = Record<(typeof PRINTED)[number], number>;

function expected(variant: VariantId, params: Params): Printed {
  const generated = generateProblem({
    seed: SEED,
    n: N,
    dk: D,
    dv: D,
    temperature: TEMPERATURE,
    locality: 0,
    clustering: 0,
  });
  const request = { variant, problem: { ...generated, n: N, dk: D, dv: D, params } };
  const weights = cpuWeights(request).host;
  if (!weights) throw new Error('no host weights');
  const map = spectrum({ rows: N, cols: N, data: weights });
  const comparison = compareWithSoftmax(request);
  const features = featureMatrices(request);
  return {
    'effective-rank': map.effectiveRank,
    'numerical-rank': map.numericalRank,
    'rank-bound': featureRankBound({
      n: N,
      featureDim: features.r,
      causal: false,
      extraRankOne: variant === 'inline' ? 1 : 0,
    }).bound,
    'mean-entropy': rowEntropies({ rows: N, cols: N, data: weights }, { causal: false }).mean,
    'rel-frobenius': comparison.relativeFrobenius,
    'mean-kl': comparison.meanRowKl,
    'max-output-error': comparison.maxOutputError,
  };
}

function expectAllClose(actual: Record<string, number>, wanted: Printed, what: string): void {
  for (const name of PRINTED) {
    const tolerance = 1e-3 * Math.max(Math.abs(wanted[name]), 1e-9);
    expect(
      Math.abs(actual[name] - wanted[name]),
      `${what} ${name}: printed ${actual[name]}, engine ${wanted[name]}`,
    ).toBeLessThanOrEqual(tolerance);
  }
}

async function printed(page: Page): Promise<Record<string, number>> {
  await waitForLabIdle(page, { rows: N });
  return readoutValues(page, PRINTED);
}

test('low rank: p focuses the rows, InLine lifts the bound, numbers match the engine', async ({ page }) => {
  test.setTimeout(120_000);
  await openView(page, {
    lesson: 'low-rank',
    lang: 'en',
    n: N,
    d: D,
    seed: SEED,
    temperature: TEMPERATURE,
    locality: 0,
    clustering: 0,
    variant: 'focused',
    p: 1,
    causal: false,
  });
  const p1 = await printed(page);
  expectAllClose(p1, expected('focused', { causal: false, p: 1 }), 'Focused p=1');
  const p1Shot = await heatmapShot(page);

  // p 1 → 2 with the keyboard (step 0.5): sharper rows, a different rank.
  await page.getByTestId('p-slider').focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'p', '2');
  const p2 = await printed(page);
  expectAllClose(p2, expected('focused', { causal: false, p: 2 }), 'Focused p=2');
  expect(p2['mean-entropy'], 'larger p, lower row entropy').toBeLessThan(p1['mean-entropy']);
  expect(p2['effective-rank']).not.toBe(p1['effective-rank']);
  expect((await heatmapShot(page)).equals(p1Shot), 'the implied map is redrawn').toBe(false);
  await expect(page.getByTestId('entropy-histogram').locator('tbody tr').first()).toBeAttached();
  // The p sweep: one row per whole p from 1 to 8 in each chart's table.
  await expect(page.getByTestId('focus-entropy-chart').locator('tbody tr')).toHaveCount(8);
  await expect(page.getByTestId('focus-rank-chart').locator('tbody tr')).toHaveCount(8);

  // InLine: identity features plus a rank-one term, so the bound is r + 1.
  await page.getByTestId('map-select').getByRole('radio', { name: 'InLine' }).check();
  await expectUrlParam(page, 'variant', 'inline');
  const inline = await printed(page);
  expectAllClose(inline, expected('inline', { causal: false, featureMap: 'identity' }), 'InLine');
  expect(inline['rank-bound']).toBe(D + 1);
  expect(inline['numerical-rank']).not.toBe(p2['numerical-rank']);

  // RALA: non-causal only, so the mask toggle is off and disabled.
  await page.getByTestId('map-select').getByRole('radio', { name: 'RALA' }).check();
  await expectUrlParam(page, 'variant', 'rala');
  const rala = await printed(page);
  expectAllClose(rala, expected('rala', { causal: false }), 'RALA');
  await expect(page.getByTestId('causal-toggle')).toBeDisabled();
});
