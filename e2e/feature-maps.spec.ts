// Lesson 3's lab: the printed numbers (ranks, entropy, errors against softmax)
// equal what the engine's float64 references and analysis module compute on
// the same seeded inputs; changing φ changes the implied map's pixels and its
// rank; Performer's m slider changes the error, and the m sweep is the engine's.
import { expect, test, type Page } from '@playwright/test';
import {
  loadCpuForms,
  compareWithSoftmax,
  featureMatrices,
  featureRankBound,
  performerErrorSweep,
  rowEntropies,
  spectrum,
  cpuWeights,
  generateProblem,
  performerProjection,
  type AttentionProblem,
  type Params,
  type RunRequest,
  type VariantId,
} from '../src/engine';
import { expectUrlParam, heatmapShot, openView, readoutValues, waitForLabIdle } from './helpers';

// The specs recompute the lab's numbers with the float64 references in Node.
test.beforeAll(() => loadCpuForms());

const SEED = 7;
const N = 64;
const D = 16;
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

function baseProblem(): AttentionProblem {
  const generated = generateProblem({
    seed: SEED,
    n: N,
    dk: D,
    dv: D,
    temperature: 1,
    locality: 0,
    clustering: 0,
  });
  return { ...generated, n: N, dk: D, dv: D };
}

/** The numbers the lab should print, from the engine alone. */
function expected(variant: VariantId, params: Params, inputs?: AttentionProblem['inputs']): Printed {
  const request: Omit<RunRequest, 'form'> = { variant, problem: { ...baseProblem(), params, inputs } };
  const weights = cpuWeights(request).host;
  if (!weights) throw new Error('no host weights');
  const map = spectrum({ rows: N, cols: N, data: weights });
  const comparison = compareWithSoftmax(request);
  const features = featureMatrices(request);
  const entropy = rowEntropies({ rows: N, cols: N, data: weights }, { causal: false });
  return {
    'effective-rank': map.effectiveRank,
    'numerical-rank': map.numericalRank,
    'rank-bound': featureRankBound({ n: N, featureDim: features.r, causal: false }).bound,
    'mean-entropy': entropy.mean,
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

test('feature maps: numbers match the engine, φ changes the map and its rank, m changes the error', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openView(page, {
    lesson: 'feature-maps',
    lang: 'en',
    n: N,
    d: D,
    seed: SEED,
    temperature: 1,
    locality: 0,
    clustering: 0,
    variant: 'linear',
    featureMap: 'elu1',
    causal: false,
    m: 8,
  });
  const elu = await printed(page);
  expectAllClose(elu, expected('linear', { causal: false, featureMap: 'elu1', normalize: true }), 'elu+1');
  // r = d = 16 < n: the bound is the feature dimension, and the float64 map reaches it.
  expect(elu['rank-bound']).toBe(D);
  expect(elu['numerical-rank']).toBeLessThanOrEqual(D);
  const eluShot = await heatmapShot(page);

  // ReLU: another implied map (pixels) and another effective rank.
  await page.getByTestId('map-select').getByRole('radio', { name: 'ReLU' }).check();
  await expectUrlParam(page, 'featureMap', 'relu');
  const relu = await printed(page);
  expectAllClose(relu, expected('linear', { causal: false, featureMap: 'relu', normalize: true }), 'ReLU');
  expect(Math.abs(relu['effective-rank'] - elu['effective-rank'])).toBeGreaterThan(0.5);
  const reluShot = await heatmapShot(page);
  expect(reluShot.equals(eluShot), 'the implied map is redrawn').toBe(false);

  // Performer with m = 8 features: the rank falls to m.
  await page.getByTestId('map-select').getByRole('radio', { name: 'Performer' }).check();
  await expectUrlParam(page, 'variant', 'performer');
  const performer8 = await printed(page);
  const projection8 = performerProjection({ seed: SEED, m: 8, dk: D });
  expectAllClose(
    performer8,
    expected('performer', { causal: false }, { projection: projection8 }),
    'Performer m=8',
  );
  expect(performer8['rank-bound']).toBe(8);
  expect(performer8['numerical-rank']).toBeLessThanOrEqual(8);
  expect(performer8['numerical-rank']).not.toBe(relu['numerical-rank']);
  const performerShot = await heatmapShot(page);
  expect(performerShot.equals(reluShot)).toBe(false);

  // The m slider (powers of two): 8 → 16 changes the error and the bound.
  await page.getByTestId('m-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expectUrlParam(page, 'm', '16');
  const performer16 = await printed(page);
  const projection16 = performerProjection({ seed: SEED, m: 16, dk: D });
  expectAllClose(
    performer16,
    expected('performer', { causal: false }, { projection: projection16 }),
    'Performer m=16',
  );
  expect(performer16['rel-frobenius']).not.toBe(performer8['rel-frobenius']);
  expect(performer16['rank-bound']).toBe(16);

  // The sweep: the slope of log mean error against log m, over the engine's own runs.
  const sweepPoints = performerErrorSweep({
    problem: { ...baseProblem(), params: { causal: false } },
    featureCounts: [4, 8, 16, 32, 64, 128, 256, 512, 1024],
    seeds: [SEED, SEED + 1, SEED + 2, SEED + 3, SEED + 4],
  });
  const xs = sweepPoints.map((p) => Math.log(p.m));
  const ys = sweepPoints.map((p) => Math.log(p.relativeFrobenius.mean));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope =
    xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const printedSlope = (await readoutValues(page, ['sweep-slope']))['sweep-slope'];
  expect(Math.abs(printedSlope - slope), `slope ${printedSlope} vs ${slope}`).toBeLessThanOrEqual(
    1e-3 * Math.abs(slope),
  );
  expect(slope, 'the error falls as m grows').toBeLessThan(0);
  const table = page.getByTestId('sweep-chart').locator('tbody tr');
  await expect(table).toHaveCount(sweepPoints.length);
});
