// Every lesson opens in English and in Chinese with its own title, every step
// is reachable through the step list (English) and the Next links (Chinese),
// and the landing page lists every lesson with the survey sections it mirrors.
import { expect, test, type Page } from '@playwright/test';
import { meta as chunking } from '../src/lessons/chunking/meta';
import { meta as featureMaps } from '../src/lessons/feature-maps/meta';
import { meta as gating } from '../src/lessons/gating/meta';
import { meta as lowRank } from '../src/lessons/low-rank/meta';
import { meta as reorder } from '../src/lessons/reorder/meta';
import { meta as rnn } from '../src/lessons/rnn/meta';
import { meta as softmaxWall } from '../src/lessons/softmax-wall/meta';
import { meta as timing } from '../src/lessons/timing/meta';
import { meta as family } from '../src/lessons/family/meta';
import { meta as recall } from '../src/lessons/recall/meta';
import { meta as higherOrder } from '../src/lessons/higher-order/meta';
import { meta as hybrids } from '../src/lessons/hybrids/meta';
import { meta as linearise } from '../src/lessons/linearise/meta';
import { meta as seqParallel } from '../src/lessons/seq-parallel/meta';
import { meta as iclGd } from '../src/lessons/icl-gd/meta';
import { meta as fieldMap } from '../src/lessons/field-map/meta';
import { openView, urlParams } from './helpers';

// Course order (DESIGN.md's lesson numbers).
const LESSONS = [
  softmaxWall,
  reorder,
  featureMaps,
  rnn,
  lowRank,
  gating,
  chunking,
  timing,
  family,
  recall,
  higherOrder,
  hybrids,
  linearise,
  seqParallel,
  iclGd,
  fieldMap,
];
type Meta = (typeof LESSONS)[number];
type Lang = 'en' | 'zh';

const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };
const APP_TITLE: Record<Lang, string> = { en: 'Linear attention, live', zh: '线性注意力，实时运行' };
const STEP_COUNT: Record<Lang, (number: number, count: number) => string> = {
  en: (number, count) => `Step ${number} of ${count}`,
  zh: (number, count) => `第 ${number} 步，共 ${count} 步`,
};

/** The page shows step `index` of `lesson`: heading, marked step link, URL and document title agree. */
async function expectStep(page: Page, lesson: Meta, index: number, lang: Lang) {
  const step = lesson.steps[index];
  await expect(page.locator('h1')).toHaveText(lesson.title[lang]);
  await expect(page.locator('.step-heading__title')).toHaveText(step.title[lang]);
  await expect(page.locator('.step-heading__count')).toHaveText(
    STEP_COUNT[lang](index + 1, lesson.steps.length),
  );
  const current = page.locator('nav.steps a[aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(step.title[lang]);
  // The canonical link leaves step 0 out.
  expect(urlParams(page).get('lesson')).toBe(lesson.id);
  expect(urlParams(page).get('step')).toBe(index === 0 ? null : String(index));
  expect(urlParams(page).get('lang')).toBe(lang);
  await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(lesson.title[lang])} · `));
}

/** Display formulas of the current step wider than the prose column (they would scroll sideways), by their text. */
async function overflowingFormulas(page: Page): Promise<string[]> {
  return page
    .locator('.lesson__prose .katex-display')
    .evaluateAll((nodes) =>
      nodes
        .filter((node) => node.scrollWidth > node.clientWidth + 1)
        .map((node) => (node.textContent ?? '').slice(0, 60)),
    );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text of the current step's prose (without its heading), once it has loaded. */
async function proseText(page: Page): Promise<string> {
  const prose = page.locator('.lesson__prose');
  await expect
    .poll(async () => ((await prose.textContent()) ?? '').length, { message: 'prose loaded' })
    .toBeGreaterThan(200);
  return (await prose.textContent()) ?? '';
}

for (const lang of ['en', 'zh'] as const) {
  for (const [position, lesson] of LESSONS.entries()) {
    test(`lesson ${lesson.id} opens in ${lang} and every step is reachable`, async ({ page }) => {
      // The CPU engine keeps this shell test light; the labs are tested on WebGPU elsewhere.
      await openView(page, { lesson: lesson.id, lang, gpu: 0 });
      await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG[lang]);
      await expect(page.locator('h1')).toHaveText(lesson.title[lang]);
      await expect(page.locator('.lesson__summary')).toHaveText(lesson.summary[lang]);
      const refs = page.locator('.lesson__header .survey__item');
      await expect(refs).toHaveCount(lesson.survey.length);
      for (const [k, ref] of lesson.survey.entries()) {
        await expect(refs.nth(k).locator('.survey__seed')).toHaveText(ref.seed);
        await expect(refs.nth(k).locator('.survey__heading')).toHaveText(ref.heading);
      }
      const stepLinks = page.locator('nav.steps a');
      await expect(stepLinks).toHaveCount(lesson.steps.length);
      for (const [k, step] of lesson.steps.entries()) {
        await expect(stepLinks.nth(k)).toContainText(step.title[lang]);
      }
      await expectStep(page, lesson, 0, lang);
      // The lab loaded (every lab has at least one slider) and did not fail.
      await expect(page.locator('.lesson__lab').getByRole('slider').first()).toBeVisible();
      await expect(page.locator('.lesson__lab [role="alert"]')).toHaveCount(0);
      let previousProse = await proseText(page);
      if (lang === 'en') expect(await overflowingFormulas(page), 'step 1 formulas fit').toEqual([]);

      for (let index = 1; index < lesson.steps.length; index++) {
        if (lang === 'en') await stepLinks.nth(index).click();
        else await page.locator('.pager__link--next').click();
        await expectStep(page, lesson, index, lang);
        // Each step shows its own text.
        await expect.poll(() => proseText(page)).not.toBe(previousProse);
        previousProse = await proseText(page);
        // At the test's 1280 px width every display formula fits its column.
        if (lang === 'en')
          expect(await overflowingFormulas(page), `step ${index + 1} formulas fit`).toEqual([]);
      }

      if (lang === 'en') {
        // Back one step with Previous.
        await page.locator('.pager__link--previous').click();
        await expectStep(page, lesson, lesson.steps.length - 2, lang);
        // The browser's Back walks the same way.
        await page.goBack();
        await expectStep(page, lesson, lesson.steps.length - 1, lang);
      } else {
        // Next on the last step crosses to the next lesson (or back to the course map).
        const next = LESSONS[position + 1];
        await page.locator('.pager__link--next').click();
        if (next) await expectStep(page, next, 0, lang);
        else {
          await expect(page.locator('h1')).toHaveText(APP_TITLE[lang]);
          expect(urlParams(page).get('lesson')).toBeNull();
        }
      }
    });
  }

  test(`landing page lists every lesson with its survey sections (${lang})`, async ({ page }) => {
    await openView(page, { lang, gpu: 0 });
    await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG[lang]);
    await expect(page.locator('h1')).toHaveText(APP_TITLE[lang]);
    const cards = page.locator('ol.cards > li');
    await expect(cards).toHaveCount(LESSONS.length);
    for (const [k, lesson] of LESSONS.entries()) {
      const card = cards.nth(k);
      await expect(card.locator('.card__number')).toHaveText(String(lesson.number));
      await expect(card.locator('.card__title')).toHaveText(lesson.title[lang]);
      await expect(card.locator('.card__summary')).toHaveText(lesson.summary[lang]);
      const refs = card.locator('.survey__item');
      await expect(refs).toHaveCount(lesson.survey.length);
      for (const [r, ref] of lesson.survey.entries()) {
        await expect(refs.nth(r)).toHaveText(`${ref.seed}${ref.heading}`);
      }
    }
    // A card's link opens that lesson at its first step.
    await cards.nth(LESSONS.indexOf(rnn)).locator('a.card__link').click();
    await expectStep(page, rnn, 0, lang);
  });
}
