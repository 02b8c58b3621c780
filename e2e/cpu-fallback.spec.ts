// Without WebGPU (turned off in the settings, gpu=0 in the link, or a browser
// that offers no adapter) the lessons run on the CPU engine in a Worker, a
// banner says so, and the labs print the same numbers as on WebGPU (1e-3).
import { expect, test, type Page } from '@playwright/test';
import {
  absoluteUrl,
  expectClose,
  expectUrlParam,
  heatmapCell,
  launchWithoutWebGpu,
  openView,
  readoutValues,
  waitForLabIdle,
  type Query,
} from './helpers';

const TOLERANCE = 1e-3;

interface LessonCase {
  readonly query: Query;
  /** The lab's numbers, once computed. */
  read(page: Page): Promise<Record<string, number>>;
}

const CASES = {
  // Lesson 4: ‖S_t‖ after 40 tokens, and parallel against recurrent on all 64.
  rnn: {
    query: { lesson: 'rnn', lang: 'en', t: 40 },
    async read(page) {
      await waitForLabIdle(page);
      return readoutValues(page, ['state-norm', 'max-diff', 'kv-bytes', 'state-bytes']);
    },
  },
  // Lesson 1: two weights of the softmax map, read through the heatmap's keyboard cursor.
  'softmax-wall': {
    query: { lesson: 'softmax-wall', lang: 'en', temperature: 3 },
    async read(page) {
      await waitForLabIdle(page, { rows: 64 });
      const numbers = await readoutValues(page, ['score-bytes', 'score-count']);
      numbers['weight(10,4)'] = (await heatmapCell(page, 10, 4)).value;
      numbers['weight(20,33)'] = (await heatmapCell(page, 20, 33)).value;
      return numbers;
    },
  },
  // Lesson 2: the two orders' largest difference (identity map) and the FLOPs.
  reorder: {
    query: { lesson: 'reorder', lang: 'en', n: 128, d: 16 },
    async read(page) {
      await waitForLabIdle(page, { rows: 128 });
      return readoutValues(page, ['max-diff', 'max-diff-abs', 'flops-quadratic', 'flops-linear']);
    },
  },
} satisfies Record<string, LessonCase>;

type LessonName = keyof typeof CASES;

async function numbersOn(page: Page, lesson: LessonName, extra: Query = {}) {
  await openView(page, { ...CASES[lesson].query, ...extra });
  return CASES[lesson].read(page);
}

function expectSameNumbers(cpu: Record<string, number>, gpu: Record<string, number>) {
  expect(Object.keys(cpu).sort()).toEqual(Object.keys(gpu).sort());
  for (const [name, value] of Object.entries(gpu)) expectClose(cpu[name], value, TOLERANCE, name);
}

test('turning "Use WebGPU" off switches to the CPU fallback with a banner and the same numbers', async ({
  page,
}) => {
  const gpu = await numbersOn(page, 'rnn');
  await expect(page.getByTestId('cpu-banner')).toHaveCount(0);
  // Both forms agree on WebGPU, and the state is not trivially zero.
  expect(gpu['max-diff']).toBeLessThan(1e-4);
  expect(gpu['state-norm']).toBeGreaterThan(0.1);

  await page.getByRole('switch', { name: 'Use WebGPU' }).uncheck();
  await expectUrlParam(page, 'gpu', '0');
  await expect(page.getByTestId('cpu-banner')).toHaveText(
    'Running on the CPU fallback (WebGPU is turned off in the settings). Sizes are capped at n = 1024, and timings are CPU timings.',
  );
  // The banner comes with the CPU engine, whose runs the lab starts in the same render.
  const cpu = await CASES.rnn.read(page);
  expectSameNumbers(cpu, gpu);

  // And back on: the banner goes and WebGPU prints the same numbers again.
  await page.getByRole('switch', { name: 'Use WebGPU' }).check();
  await expectUrlParam(page, 'gpu', null);
  await expect(page.getByTestId('cpu-banner')).toHaveCount(0);
  await expect(page.getByTestId('state-norm')).toHaveAttribute('data-value', /\S/);
  expectSameNumbers(await CASES.rnn.read(page), gpu);
});

test('gpu=0 in the link: lessons 1 and 2 print the WebGPU numbers on the CPU', async ({ page }) => {
  for (const lesson of ['softmax-wall', 'reorder'] as const) {
    const gpu = await numbersOn(page, lesson);
    await expect(page.getByTestId('cpu-banner')).toHaveCount(0);
    const cpu = await numbersOn(page, lesson, { gpu: 0 });
    await expect(page.getByTestId('cpu-banner')).toContainText('WebGPU is turned off in the settings');
    expectSameNumbers(cpu, gpu);
  }
});

test('a Chromium without --enable-unsafe-webgpu (no adapter) runs every lab on the CPU with the same numbers', async ({
  page,
  baseURL,
}) => {
  const reference: Partial<Record<LessonName, Record<string, number>>> = {};
  for (const lesson of Object.keys(CASES) as LessonName[]) reference[lesson] = await numbersOn(page, lesson);

  const browser = await launchWithoutWebGpu();
  try {
    const other = await browser.newPage({ viewport: page.viewportSize() ?? undefined });
    for (const lesson of Object.keys(CASES) as LessonName[]) {
      await other.goto(absoluteUrl(baseURL, CASES[lesson].query));
      // The premise: this browser has the WebGPU API but offers no adapter.
      expect(
        await other.evaluate(async () =>
          'gpu' in navigator ? (await navigator.gpu.requestAdapter()) === null : 'no WebGPU API',
        ),
      ).toBe(true);
      await expect(other.getByTestId('cpu-banner')).toHaveText(
        'Running on the CPU fallback (no WebGPU adapter is available). Sizes are capped at n = 1024, and timings are CPU timings.',
      );
      // The link stays as shared: the fallback is the browser's, not a setting.
      expect(new URL(other.url()).searchParams.get('gpu')).toBeNull();
      expectSameNumbers(await CASES[lesson].read(other), reference[lesson] ?? {});
    }
  } finally {
    await browser.close();
  }
});
