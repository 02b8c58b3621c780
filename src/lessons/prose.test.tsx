// The prose ↔ metadata interface of every lesson: every step of meta.ts has
// exactly one <Step id> in each language, each step renders real text with
// formulas that KaTeX accepted, and every survey heading (in meta.ts and where
// the prose cites one) is quoted verbatim from the seed it names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MDXContent } from 'mdx/types';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LESSON_IDS } from '../state/types';
import type { LessonMeta } from './index';

type ProseLoader = () => Promise<{ default: MDXContent }>;

const here = dirname(fileURLToPath(import.meta.url));
const seedsDir = resolve(here, '../../../shared/seeds');

const metaModules = import.meta.glob<{ meta: LessonMeta }>('./*/meta.ts', { eager: true });
const proseModules = import.meta.glob<{ default: MDXContent }>('./*/*.mdx');
const lessons: readonly LessonMeta[] = Object.values(metaModules)
  .map((module) => module.meta)
  .sort((a, b) => a.number - b.number);

/** "a, b (c, d)、e" → ["a", "b (c, d)", "e"]: list separators outside parentheses only. */
function splitOutsideParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '(' || c === '（') depth++;
    if (c === ')' || c === '）') depth--;
    const separator = depth === 0 && (c === '、' || ((c === ',' || c === '，') && text[k + 1] === ' '));
    if (separator) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts.filter((part) => part.length > 0);
}

function proseOf(id: string, lang: 'en' | 'zh'): ProseLoader {
  const loader = proseModules[`./${id}/${lang}.mdx`];
  if (loader === undefined) throw new Error(`no ${lang}.mdx for lesson ${id}`);
  return loader;
}

it('has a complete lesson folder for every lesson id, numbered 1…n in course order', () => {
  expect(lessons.map((m) => m.id)).toEqual([...LESSON_IDS]);
  expect(lessons.map((m) => m.number)).toEqual(LESSON_IDS.map((_, k) => k + 1));
});

/** Renders the MDX with only `stepId` current, the way the lesson page's <Step> does. */
function renderStep(Prose: MDXContent, stepId: string): string {
  const Step = ({ id, children }: { id: string; children?: ReactNode }) =>
    id === stepId ? createElement('section', { 'data-step': id }, children) : null;
  const Value = ({ name }: { name: string }) => createElement('span', { 'data-value': name });
  const Term = ({ children }: { children?: ReactNode }) => createElement('dfn', null, children);
  return renderToStaticMarkup(createElement(Prose, { components: { Step, Value, Term } }));
}

describe.each(lessons.map((m) => [m.id, m] as const))('lesson %s', (id, meta) => {
  it('has 3–6 steps with unique ids and bilingual titles', () => {
    expect(meta.steps.length).toBeGreaterThanOrEqual(3);
    expect(meta.steps.length).toBeLessThanOrEqual(6);
    expect(new Set(meta.steps.map((s) => s.id)).size).toBe(meta.steps.length);
    for (const s of meta.steps) {
      expect(s.title.en.length).toBeGreaterThan(0);
      expect(s.title.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(['en', 'zh'] as const)(
    '%s prose has one <Step> per step, each rendering text and formulas',
    async (lang) => {
      const source = readFileSync(join(here, id, `${lang}.mdx`), 'utf8');
      const ids = [...source.matchAll(/<Step id="([^"]+)">/g)].map((m) => m[1]);
      expect(ids).toEqual(meta.steps.map((s) => s.id));

      const Prose = (await proseOf(id, lang)()).default;
      for (const step of meta.steps) {
        const html = renderStep(Prose, step.id);
        expect(html).toContain(`data-step="${step.id}"`);
        // KaTeX marks what it could not parse with the katex-error class or, for an unknown macro, its error colour.
        const where = `${id}/${lang}.mdx, step ${step.id}`;
        expect(html.includes('katex-error') || html.includes('#cc0000'), `KaTeX error in ${where}`).toBe(
          false,
        );
        expect(html.includes('class="katex"'), `no formula in ${where}`).toBe(true);
        const text = html.replace(/<[^>]+>/g, '');
        expect(text.length).toBeGreaterThan(200);
        if (lang === 'zh') expect(text).toMatch(/[\u4e00-\u9fff]/);
        // Every step cites the survey section it follows.
        expect(text).toMatch(lang === 'en' ? /Survey 00\d · / : /综述 00\d · /);
      }
      // Nothing outside the steps: with no current step the page shows no prose.
      expect(renderStep(Prose, '\u0000none').trim()).toBe('');
    },
  );

  it.skipIf(!existsSync(seedsDir))('quotes its survey headings verbatim from the seeds', () => {
    const seeds = new Map(
      readdirSync(seedsDir).map((f) => [f.slice(0, 3), readFileSync(join(seedsDir, f), 'utf8')]),
    );
    expect(meta.survey.length).toBeGreaterThan(0);
    for (const ref of meta.survey) expect(seeds.get(ref.seed)).toContain(ref.heading);
    // Where the prose cites a section ("Survey 001 · heading"), the heading is the seed's own.
    for (const lang of ['en', 'zh'] as const) {
      const source = readFileSync(join(here, id, `${lang}.mdx`), 'utf8');
      // Several headings of one seed are listed with commas (、 in Chinese); a trailing "(…)" names a part of the section.
      for (const m of source.matchAll(/(?:Survey|综述) (00\d) · ([^;；_\n]+)/g)) {
        const seed = seeds.get(m[1]) ?? '';
        for (const cited of splitOutsideParentheses(m[2])) {
          const heading = seed.includes(cited) ? cited : cited.replace(/\s?[(（][^)）]*[)）]$/, '');
          expect(seed, `${id}/${lang}.mdx cites “${cited}”`).toContain(heading);
        }
      }
    }
  });
});
