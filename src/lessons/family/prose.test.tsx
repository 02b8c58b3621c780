// Lesson 9's prose against its metadata (the checks of ../prose.test.tsx):
// one <Step> per step with text, KaTeX without errors and a survey citation;
// survey headings verbatim from seed 001; every <Value> the prose quotes is a
// readout name the lab publishes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MDXContent } from 'mdx/types';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FAMILY_IDS } from '../../components/family-gallery/gallery';
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

/** Names the lab's readouts publish (Lab.tsx). */
const PUBLISHED = new Set([
  'family-scores',
  'family-flops',
  'family-rel-error',
  'family-output-error',
  ...['softmax', ...FAMILY_IDS].map((id) => `slope-${id}`),
]);

describe('lesson family prose', () => {
  it('has 3–6 steps with unique ids, bilingual titles and valid patterns', () => {
    expect(meta.steps.length).toBeGreaterThanOrEqual(3);
    expect(meta.steps.length).toBeLessThanOrEqual(6);
    expect(new Set(meta.steps.map((s) => s.id)).size).toBe(meta.steps.length);
    for (const s of meta.steps) expect(s.title.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(['en', 'zh'] as const)('%s prose: one <Step> per step, text, formulas, citations', async (lang) => {
    const source = readFileSync(join(here, `${lang}.mdx`), 'utf8');
    expect([...source.matchAll(/<Step id="([^"]+)">/g)].map((m) => m[1])).toEqual(
      meta.steps.map((s) => s.id),
    );
    for (const m of source.matchAll(/<Value name="([^"]+)"/g)) expect(PUBLISHED.has(m[1]), m[1]).toBe(true);
    expect(source).not.toMatch(/<Term/);
    const Prose = (await prose[lang]()).default;
    for (const step of meta.steps) {
      const html = renderStep(Prose, step.id);
      expect(html).toContain(`data-step="${step.id}"`);
      expect(html.includes('katex-error') || html.includes('#cc0000'), `KaTeX error in ${step.id}`).toBe(
        false,
      );
      expect(html.includes('class="katex"'), `no formula in ${step.id}`).toBe(true);
      const text = html.replace(/<[^>]+>/g, '');
      expect(text.length).toBeGreaterThan(200);
      expect(text).toMatch(lang === 'en' ? /Survey 001 · / : /综述 001 · /);
    }
    expect(renderStep(Prose, '\u0000none').trim()).toBe('');
  });

  it.skipIf(!existsSync(seedsDir))('quotes its survey headings verbatim from seed 001', () => {
    const seeds = new Map(
      readdirSync(seedsDir).map((f) => [f.slice(0, 3), readFileSync(join(seedsDir, f), 'utf8')]),
    );
    expect(meta.survey).toHaveLength(10);
    for (const ref of meta.survey) expect(seeds.get(ref.seed)).toContain(ref.heading);
  });
});
