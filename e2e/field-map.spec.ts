// Lesson 16 (field-map): the map's nodes open the lessons they name (mouse and
// keyboard), the references page holds every link the seeds give and its search
// and lesson filter narrow to the expected entries, the glossary searches in both
// languages, and a <Term> in a lesson's text lands on its glossary entry, also
// through a shared link with its #term- hash.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { GLOSSARY } from '../src/content/glossary/glossary';
import { distancesFrom, OPEN_PROBLEMS } from '../src/content/openProblems/openProblems';
import { citedUrls, REFERENCES } from '../src/content/references/references';
import { expectUrlParam, openView } from './helpers';

async function lessonHeading(page: Page): Promise<string> {
  return (await page.locator('.lesson__title').textContent()) ?? '';
}

test('map: pointing shows a problem in both languages, a click opens its lesson (en)', async ({ page }) => {
  await openView(page, { lesson: 'field-map', lang: 'en', gpu: false });
  const map = page.getByTestId('field-map');
  await expect(map.locator('[data-problem]')).toHaveCount(OPEN_PROBLEMS.length);
  const node = map.locator('[data-problem="low-rank"]');
  await expect(node).toHaveAttribute(
    'aria-label',
    /The low-rank dilemma .*Opens lesson 5: Low rank and lost focus/,
  );
  await node.hover();
  const detail = page.getByTestId('field-detail');
  await expect(page.getByTestId('field-detail-title')).toHaveText('The low-rank dilemma');
  await expect(detail).toContainText('低秩困境');
  await expect(detail).toContainText('Survey 002 · 低秩困境问题');
  await node.click();
  await expectUrlParam(page, 'lesson', 'low-rank');
  expect(await lessonHeading(page)).toBe('Low rank and lost focus');
});

test('map: arrow keys move between problems and Enter opens the lesson (zh)', async ({ page }) => {
  await openView(page, { lesson: 'field-map', lang: 'zh', gpu: false });
  const map = page.getByTestId('field-map');
  const first = map.locator('[data-problem="approximation-error"]');
  await expect(first).toHaveAttribute('tabindex', '0');
  await first.focus();
  await page.keyboard.press('ArrowDown');
  const second = map.locator('[data-problem="low-rank"]');
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-label', /低秩困境.*打开第 5 课/);
  await expect(page.getByTestId('field-detail-title')).toHaveText('低秩困境');
  // Right: the same row of the next theme (memory: its second problem, long-range dependencies).
  await page.keyboard.press('ArrowRight');
  await expect(map.locator('[data-problem="long-range"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expectUrlParam(page, 'lesson', 'gating');
  expect(await lessonHeading(page)).toBe('门控与衰减');
});

test('map: the relations slider highlights the problems within k relations of the selected one', async ({
  page,
}) => {
  await openView(page, { lesson: 'field-map', lang: 'en', gpu: false });
  await page.mouse.move(1, 1);
  const map = page.getByTestId('field-map');
  await map.locator('[data-problem="recall"]').focus();
  const slider = page.getByTestId('field-reach');
  await slider.focus();
  const d = distancesFrom('recall');
  for (const k of [1, 2, 3]) {
    if (k > 1) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('field-reach-value')).toHaveText(String(k));
    const expected = OPEN_PROBLEMS.filter((p) => (d.get(p.id) ?? Infinity) <= k)
      .map((p) => p.id)
      .sort();
    const shown = await map
      .locator('[data-in-reach="true"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-problem') ?? ''));
    expect(shown.sort()).toEqual(expected);
    await expect(page.locator('.lesson__lab')).toContainText(`${expected.length - 1} problems lie within`);
  }
});

test('map: the list alternative holds every problem', async ({ page }) => {
  await openView(page, { lesson: 'field-map', lang: 'en', gpu: false });
  const list = page.getByTestId('field-list');
  await list.locator('summary').click();
  for (const p of OPEN_PROBLEMS) await expect(list).toContainText(p.title.en);
});

test('references: every seed link is listed, search and lesson filter narrow the list (en)', async ({
  page,
}) => {
  await openView(page, { lesson: 'field-map', step: 1, lang: 'en', gpu: false });
  const count = page.getByTestId('refs-count');
  await expect(count).toContainText(`Showing ${REFERENCES.length} of ${REFERENCES.length} references`);
  // Every link of the seeds, as the seeds write it.
  const links = await page
    .locator('[data-seed-link]')
    .evaluateAll((anchors) => [...new Set(anchors.map((a) => a.getAttribute('data-seed-link')))]);
  const expected = citedUrls();
  expect(links.length).toBe(expected.length);
  expect(expected.length).toBe(16);
  expect(new Set(links)).toEqual(new Set(expected));

  const search = page.getByTestId('refs-search');
  await search.fill('sequence parallelism');
  await expect(count).toHaveAttribute('data-shown', '1');
  await expect(page.locator('[data-ref]')).toHaveCount(1);
  await expect(page.locator('[data-ref="lasp2"]')).toContainText(
    'LASP-2: Rethinking Sequence Parallelism for Linear Attention and Its Hybrid',
  );
  await expect(page.locator('[data-ref="lasp2"] [data-testid="ref-status"]')).toHaveText('corrected');

  await search.fill('2304.01002');
  await expect(page.locator('[data-ref]')).toHaveCount(1);
  const unverified = page.locator('[data-ref="hybrid-attention-mechanism"]');
  await expect(unverified.getByTestId('ref-status')).toHaveText('unverified');
  await expect(unverified).toContainText('Does Human Collaboration Enhance the Accuracy');
  // Unverified: the title is not a link to the wrong paper.
  await expect(unverified.locator('p a[href*="arxiv.org/abs/2304.01002"]')).toHaveCount(0);

  await search.fill('');
  await page.getByTestId('refs-lesson').selectOption('seq-parallel');
  await expect(page.locator('[data-ref]')).toHaveCount(3);
  const ids = await page
    .locator('[data-ref]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-ref')));
  expect(ids.sort()).toEqual(['lasp2', 'linear-moe', 'ring-attention']);
  // The CSV holds what is listed: a header and the three entries.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('refs-export-csv').click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(csv.length).toBe(4);
  expect(csv[0]).toMatch(/^id,title,authors,year,arxiv/);
  expect(
    csv.some((line) => line.startsWith('ring-attention,Ring Attention with Blockwise Transformers')),
  ).toBe(true);
  await search.fill('ring');
  await expect(page.locator('[data-ref]')).toHaveCount(1);
  // Status filter: every unverified entry, and only those.
  await search.fill('');
  await page.getByTestId('refs-lesson').selectOption('');
  await page.getByTestId('refs-status').selectOption('unverified');
  const unverifiedCount = REFERENCES.filter((r) => r.status === 'unverified').length;
  await expect(page.locator('[data-ref]')).toHaveCount(unverifiedCount);
  await expect(page.locator('[data-ref]:not([data-status="unverified"])')).toHaveCount(0);
  await page.getByTestId('refs-status').selectOption('');
  await page.getByTestId('refs-lesson').selectOption('seq-parallel');
  await search.fill('ring');
  await expect(page.locator('[data-ref="ring-attention"]')).toContainText(
    'Ring Attention with Blockwise Transformers for Near-Infinite Context',
  );
});

test('references and glossary in Chinese; the header links open them', async ({ page }) => {
  await openView(page, { lang: 'zh', gpu: false });
  await page.getByTestId('header-references').click();
  await expectUrlParam(page, 'lesson', 'field-map');
  await expectUrlParam(page, 'step', '1');
  await expect(page.getByTestId('refs-count')).toContainText(
    `显示 ${REFERENCES.length} / ${REFERENCES.length} 条参考文献`,
  );
  await page.getByTestId('refs-search').fill('LoLCATs');
  await expect(page.locator('[data-ref]')).toHaveCount(1);
  await expect(page.locator('[data-ref="lolcats"]')).toContainText('已核实');

  await page.getByTestId('header-glossary').click();
  await expectUrlParam(page, 'step', '2');
  const count = page.getByTestId('gloss-count');
  await expect(count).toContainText(`显示 ${GLOSSARY.length} / ${GLOSSARY.length} 个术语`);
  await page.getByTestId('gloss-search').fill('状态矩阵');
  const shown = await page
    .locator('[data-term-entry]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-term-entry')));
  expect(shown).toContain('state-matrix');
  await expect(count).toHaveAttribute('data-shown', String(shown.length));
  await expect(page.locator('#term-state-matrix')).toContainText('状态矩阵');
  await expect(page.locator('#term-state-matrix')).toContainText('state matrix');
});

test('a <Term> in a lesson links to its glossary entry, and the shared link lands there (en)', async ({
  page,
}) => {
  await openView(page, { lesson: 'low-rank', lang: 'en', gpu: false });
  const term = page.locator('.lesson__prose a[data-term="rank"]').first();
  await expect(term).toHaveText('rank');
  await term.click();
  await expectUrlParam(page, 'lesson', 'field-map');
  await expectUrlParam(page, 'step', '2');
  await expect.poll(() => new URL(page.url()).hash).toBe('#term-rank');
  const entry = page.locator('#term-rank');
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport();
  await expect(entry).toContainText('The number of linearly independent rows of a matrix.');

  // The address (query + hash) opened afresh lands on the same entry.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.locator('#term-rank')).toBeFocused();
  await expect(other.locator('#term-rank')).toHaveAttribute('aria-current', 'true');
  await other.close();

  // Switching the language rewrites the query; the entry's hash stays on the address.
  await page.getByLabel('Language').selectOption('zh');
  await expectUrlParam(page, 'lang', 'zh');
  await expect.poll(() => new URL(page.url()).hash).toBe('#term-rank');
  await expect(entry).toContainText('矩阵中线性无关的行数');

  await page.getByTestId('gloss-search').fill('all-gather');
  await expect(page.locator('#term-all-gather')).toContainText('全收集');
});

test('a <Term> in Chinese prose lands on its entry (zh)', async ({ page }) => {
  await openView(page, { lesson: 'gating', lang: 'zh', gpu: false });
  const term = page.locator('.lesson__prose a[data-term="decay"]').first();
  await expect(term).toHaveText('衰减');
  await expect(term).toHaveAttribute('href', /lesson=field-map.*step=2.*#term-decay$/);
  await term.click();
  await expectUrlParam(page, 'step', '2');
  await expect.poll(() => new URL(page.url()).hash).toBe('#term-decay');
  const entry = page.locator('#term-decay');
  await expect(entry).toBeFocused();
  await expect(entry).toContainText('固定的门 γ < 1（RetNet）');
  // Back returns to the lesson the reader came from.
  await page.goBack();
  await expectUrlParam(page, 'lesson', 'gating');
});
