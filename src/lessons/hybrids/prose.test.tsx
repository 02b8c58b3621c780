// Lesson hybrids's prose ↔ metadata interface (the checks of src/lessons/prose.test.tsx
// for lessons 1–8): one <Step id> per step in each language, each rendering text
// and formulas KaTeX accepted and citing the survey; headings quoted from the seeds;
// every <Value name> is one the lab publishes.
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
const prose = { en: () => import('./en.mdx'), zh: () => import('./zh.mdx') } as Record<
  'en' | 'zh',
  () => Promise<{ default: MDXContent }>
>;
// Every readout name of the lab (Lab.tsx): the Infini steps, then the hybrid steps.
const published = new Set([
  'infini-gate',
  'infini-mem-share',
  'infini-memory-floats',
  'infini-state-floats',
  'infini-kv-floats',
  'infini-memory-norm',
  'infini-agreement',
  'hybrid-lambda',
  'hybrid-swa-norm',
  'hybrid-lin-norm',
  'hybrid-lin-share',
  'hybrid-equal-lambda',
]);

function renderStep(Prose: MDXContent, stepId: string): string {
  const Step = ({ id, children }: { id: string; children?: ReactNode }) =>
    id === stepId ? createElement('section', { 'data-step': id }, children) : null;
  const Value = ({ name }: { name: string }) => createElement('span', { 'data-value': name });
  const Term = ({ children }: { children?: ReactNode }) => createElement('dfn', null, children);
  return renderToStaticMarkup(createElement(Prose, { components: { Step, Value, Term } }));
}

describe('lesson hybrids', () => {
  it('has 3–6 steps with unique ids and bilingual titles', () => {
    expect(meta.number).toBe(12);
    expect(meta.steps.length).toBeGreaterThanOrEqual(3);
    expect(meta.steps.length).toBeLessThanOrEqual(6);
    expect(new Set(meta.steps.map((s) => s.id)).size).toBe(meta.steps.length);
    for (const s of meta.steps) expect(s.title.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(['en', 'zh'] as const)(
    '%s prose has one <Step> per step with text, formulas and live values',
    async (lang) => {
      const source = readFileSync(join(here, `${lang}.mdx`), 'utf8');
      const ids = [...source.matchAll(/<Step id="([^"]+)">/g)].map((m) => m[1]);
      expect(ids).toEqual(meta.steps.map((s) => s.id));
      for (const [, name] of source.matchAll(/<Value name="([^"]+)"/g))
        expect(published, name).toContain(name);
      const Prose = (await prose[lang]()).default;
      for (const step of meta.steps) {
        const html = renderStep(Prose, step.id);
        const where = `${lang}.mdx, step ${step.id}`;
        expect(html).toContain(`data-step="${step.id}"`);
        expect(html.includes('katex-error') || html.includes('#cc0000'), `KaTeX error in ${where}`).toBe(
          false,
        );
        expect(html.includes('class="katex"'), `no formula in ${where}`).toBe(true);
        const text = html.replace(/<[^>]+>/g, '');
        expect(text.length).toBeGreaterThan(200);
        expect(html, `no live value in ${where}`).toContain('data-value="');
        if (lang === 'zh') expect(text).toMatch(/[\u4e00-\u9fff]/);
        expect(text).toMatch(lang === 'en' ? /Survey 00\d · / : /综述 00\d · /);
      }
      expect(renderStep(Prose, '\u0000none').trim()).toBe('');
    },
  );

  it.skipIf(!existsSync(seedsDir))('quotes its survey headings verbatim from the seeds', () => {
    const seeds = new Map(
      readdirSync(seedsDir).map((f) => [f.slice(0, 3), readFileSync(join(seedsDir, f), 'utf8')]),
    );
    for (const ref of meta.survey) expect(seeds.get(ref.seed), ref.heading).toContain(ref.heading);
    // Every step cites only headings of the meta's list.
    for (const lang of ['en', 'zh'] as const) {
      const source = readFileSync(join(here, `${lang}.mdx`), 'utf8');
      for (const [, cites] of source.matchAll(/^_(?:Survey|综述) (.+)_$/gm)) {
        for (const cite of cites.split(/[;；] ?(?:Survey |综述 )?/)) {
          const heading = cite.replace(/^00\d · /, '');
          expect(
            meta.survey.map((s) => s.heading),
            `${lang}: ${cite}`,
          ).toContain(heading);
        }
      }
    }
  });
});
