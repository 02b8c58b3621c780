// Lesson field-map's prose against its metadata (as src/lessons/prose.test.tsx
// checks lessons 1–8): one <Step> per step in each language, text and formulas
// KaTeX accepts, a survey citation per step, and survey headings quoted
// verbatim from the seeds. Its <Term>s are checked by the glossary test.
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
  const Term = ({ children }: { children?: ReactNode }) => createElement('dfn', null, children);
  return renderToStaticMarkup(createElement(Prose, { components: { Step, Term } }));
}

describe('lesson field-map prose', () => {
  it('has the map, references and glossary steps', () => {
    expect(meta.steps.map((s) => s.id)).toEqual(['map', 'references', 'glossary']);
    expect(meta.number).toBe(16);
  });

  it.each(['en', 'zh'] as const)(
    '%s has one <Step> per step with text, a formula and a survey citation',
    async (lang) => {
      const source = readFileSync(join(here, `${lang}.mdx`), 'utf8');
      expect([...source.matchAll(/<Step id="([^"]+)">/g)].map((m) => m[1])).toEqual(
        meta.steps.map((s) => s.id),
      );
      const Prose = (await prose[lang]()).default;
      for (const step of meta.steps) {
        const html = renderStep(Prose, step.id);
        expect(html.includes('katex-error') || html.includes('#cc0000')).toBe(false);
        expect(html).toContain('class="katex"');
        const text = html.replace(/<[^>]+>/g, '');
        expect(text.length).toBeGreaterThan(lang === 'en' ? 400 : 200);
        expect(text).toMatch(lang === 'en' ? /Survey 00\d · / : /综述 00\d · /);
      }
      expect(renderStep(Prose, '\u0000none').trim()).toBe('');
    },
  );

  it.skipIf(!existsSync(seedsDir))(
    'quotes its survey headings and the headings in its prose verbatim',
    () => {
      const seeds = new Map(
        readdirSync(seedsDir).map((f) => [f.slice(0, 3), readFileSync(join(seedsDir, f), 'utf8')]),
      );
      for (const ref of meta.survey) expect(seeds.get(ref.seed)).toContain(ref.heading);
      const all = [...seeds.values()].join('\n');
      for (const lang of ['en', 'zh'] as const) {
        const source = readFileSync(join(here, `${lang}.mdx`), 'utf8');
        for (const m of source.matchAll(/(?:Survey|综述) (00\d) · ([^;；_]+)/g)) {
          expect(seeds.get(m[1]), `${lang}: ${m[2]}`).toContain(m[2].trim());
        }
        for (const m of source.matchAll(
          /“([^”\n<>]*[\u4e00-\u9fff][^”\n<>]*)”|(?<!=)"([^"\n<>]*[\u4e00-\u9fff][^"\n<>]*)"/g,
        )) {
          const quoted = (m[1] ?? m[2]).trim();
          if (quoted !== '综述原文') expect(all, `${lang}: quoted heading “${quoted}”`).toContain(quoted);
        }
      }
    },
  );
});
