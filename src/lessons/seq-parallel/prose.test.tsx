// Lessons 14 and 15 against the same prose ↔ metadata checks as lessons 1–8
// (src/lessons/prose.test.tsx, the lead's file): one <Step id> per step in each
// language, real text with formulas KaTeX accepted, a survey citation per step,
// and survey headings quoted verbatim from the seeds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MDXContent } from 'mdx/types';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LessonDef } from '../types';
import { meta as seqParallel } from './meta';
import { meta as iclGd } from '../icl-gd/meta';

type Meta = Omit<LessonDef, 'Lab' | 'prose'>;

const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = resolve(here, '../../../shared/seeds');

const lessons: readonly Meta[] = [seqParallel, iclGd];
const prose: Record<string, Record<'en' | 'zh', () => Promise<{ default: MDXContent }>>> = {
  'seq-parallel': { en: () => import('./en.mdx'), zh: () => import('./zh.mdx') },
  'icl-gd': { en: () => import('../icl-gd/en.mdx'), zh: () => import('../icl-gd/zh.mdx') },
};

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

      const Prose = (await prose[id][lang]()).default;
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
  });
});
