// Lesson 13's prose ↔ metadata interface (the checks of ../prose.test.tsx, which
// lists lessons 1–8): one <Step> per step in each language, formulas KaTeX
// accepts, the survey headings verbatim from the seed, and every <Value> the
// prose quotes is a number the lab prints (a readout name of the lab).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MDXContent } from 'mdx/types';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { meta } from './meta';

const here = dirname(fileURLToPath(import.meta.url));
const seedsDir = resolve(here, '../../../../shared/seeds');
const prose = { en: () => import('./en.mdx'), zh: () => import('./zh.mdx') };

function renderStep(Prose: MDXContent, stepId: string): string {
  const Step = ({ id, children }: { id: string; children?: ReactNode }) =>
    id === stepId ? createElement('section', { 'data-step': id }, children) : null;
  const Value = ({ name }: { name: string }) => createElement('span', { 'data-value': name });
  const Term = ({ children }: { children?: ReactNode }) => createElement('dfn', null, children);
  return renderToStaticMarkup(createElement(Prose, { components: { Step, Value, Term } }));
}

describe('lesson linearise prose', () => {
  it('is lesson 13 with 3–6 steps', () => {
    expect(meta.number).toBe(13);
    expect(meta.steps.length).toBeGreaterThanOrEqual(3);
    expect(meta.steps.length).toBeLessThanOrEqual(6);
  });

  it.each(['en', 'zh'] as const)(
    '%s: one <Step> per step, with text, formulas and live values',
    async (lang) => {
      const source = readFileSync(join(here, `${lang}.mdx`), 'utf8');
      expect([...source.matchAll(/<Step id="([^"]+)">/g)].map((m) => m[1])).toEqual(
        meta.steps.map((s) => s.id),
      );
      const lab = readFileSync(
        join(here, '../../components/attention-transfer/AttentionTransferLab.tsx'),
        'utf8',
      );
      for (const [, name] of source.matchAll(/<Value name="([^"]+)"\/>/g))
        expect(lab).toContain(`name: '${name}'`);
      const Prose = (await prose[lang]()).default;
      for (const step of meta.steps) {
        const html = renderStep(Prose, step.id);
        const where = `${lang}.mdx, step ${step.id}`;
        expect(html.includes('katex-error') || html.includes('#cc0000'), `KaTeX error in ${where}`).toBe(
          false,
        );
        expect(html.includes('class="katex"'), `no formula in ${where}`).toBe(true);
        const text = html.replace(/<[^>]+>/g, '');
        expect(text.length).toBeGreaterThan(400);
        if (lang === 'zh') expect(text).toMatch(/[\u4e00-\u9fff]/);
        expect(text).toMatch(lang === 'en' ? /Survey 003 · / : /综述 003 · /);
      }
      expect(renderStep(Prose, '\u0000none').trim()).toBe('');
    },
  );

  it.skipIf(!existsSync(seedsDir))('quotes its survey headings verbatim from seed 003', () => {
    const seeds = new Map(
      readdirSync(seedsDir).map((f) => [f.slice(0, 3), readFileSync(join(seedsDir, f), 'utf8')]),
    );
    for (const ref of meta.survey) expect(seeds.get(ref.seed)).toContain(ref.heading);
  });
});
