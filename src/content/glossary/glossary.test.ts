// The glossary against the lessons: every <Term> in every lesson's MDX (en and
// zh, all lesson folders, including ones added later) must resolve to an entry,
// and that entry must list the lesson. Adding a <Term> without an entry fails here.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LESSON_IDS } from '../../state/types';
import { findGlossaryEntry, GLOSSARY, glossaryAnchor, normaliseTerm, searchGlossary } from './glossary';

const here = dirname(fileURLToPath(import.meta.url));
const lessonsDir = resolve(here, '../../lessons');

export interface TermUse {
  readonly lesson: string;
  readonly file: string;
  readonly text: string;
  readonly id?: string;
  readonly en?: string;
  readonly zh?: string;
}

function attribute(attrs: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|\\{["']([^"']*)["']\\})`).exec(attrs);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** Every <Term …>…</Term> in the lesson folders' MDX files. */
export function scanTerms(dir = lessonsDir): TermUse[] {
  const uses: TermUse[] = [];
  for (const lesson of readdirSync(dir, { withFileTypes: true })) {
    if (!lesson.isDirectory()) continue;
    for (const file of readdirSync(join(dir, lesson.name))) {
      if (!file.endsWith('.mdx')) continue;
      const source = readFileSync(join(dir, lesson.name, file), 'utf8');
      for (const m of source.matchAll(/<Term\b([^>]*?)(?:\/>|>([\s\S]*?)<\/Term>)/g)) {
        const attrs = m[1] ?? '';
        uses.push({
          lesson: lesson.name,
          file: `${lesson.name}/${file}`,
          text: (m[2] ?? '').replace(/<[^>]+>/g, '').replace(/[*_`]/g, ''),
          id: attribute(attrs, 'id'),
          en: attribute(attrs, 'en'),
          zh: attribute(attrs, 'zh'),
        });
      }
    }
  }
  return uses;
}

describe('glossary and the lessons', () => {
  const uses = scanTerms();

  it('finds the <Term>s of the lessons', () => {
    expect(existsSync(lessonsDir)).toBe(true);
    // Lessons 1–8 alone mark 40 terms; more lessons only add to it.
    expect(uses.length).toBeGreaterThanOrEqual(40);
  });

  it('has an entry for every <Term> in every lesson', () => {
    const missing = uses.filter((use) => findGlossaryEntry(use) === undefined);
    expect(
      missing.map((use) => `${use.file}: <Term> "${use.text}" (en=${use.en ?? '–'}, zh=${use.zh ?? '–'})`),
    ).toEqual([]);
  });

  it('lists, in each entry, the lessons whose prose marks it', () => {
    const unlisted: string[] = [];
    for (const use of uses) {
      const entry = findGlossaryEntry(use);
      if (entry && !(entry.lessons as readonly string[]).includes(use.lesson)) {
        unlisted.push(`${entry.id} ← ${use.lesson}`);
      }
    }
    expect([...new Set(unlisted)]).toEqual([]);
  });

  it('matches a term by its text or by the other language’s prop, in any case', () => {
    expect(findGlossaryEntry({ text: 'Intra-chunk', zh: '块内' })?.id).toBe('intra-chunk');
    expect(findGlossaryEntry({ text: '状态矩阵' })?.id).toBe('state-matrix');
    expect(findGlossaryEntry({ text: 'unknown', en: 'feature map' })?.id).toBe('feature-map');
    expect(findGlossaryEntry({ id: 'rank', text: 'whatever' })?.id).toBe('rank');
    expect(findGlossaryEntry({ text: 'no such term' })).toBeUndefined();
  });
});

describe('glossary data', () => {
  it('has unique ids and names, definitions in both languages and known lessons', () => {
    expect(new Set(GLOSSARY.map((e) => e.id)).size).toBe(GLOSSARY.length);
    const names = GLOSSARY.flatMap((e) => [e.en, e.zh].map(normaliseTerm));
    expect(new Set(names).size).toBe(names.length);
    for (const entry of GLOSSARY) {
      expect(entry.zh, entry.id).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.def.en.length, entry.id).toBeGreaterThan(40);
      expect(entry.def.zh, entry.id).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.lessons.length, entry.id).toBeGreaterThan(0);
      for (const lesson of entry.lessons) expect(LESSON_IDS).toContain(lesson);
      expect(glossaryAnchor(entry.id)).toMatch(/^term-[a-z0-9-]+$/);
    }
  });

  it('uses the seeds’ Chinese terms', () => {
    const zh = new Set(GLOSSARY.map((e) => e.zh));
    for (const term of [
      '线性注意力',
      '核函数',
      '特征映射',
      '状态矩阵',
      '门控',
      '衰减',
      '分块',
      '召回',
      '秩',
    ]) {
      expect(zh.has(term), term).toBe(true);
    }
  });

  it('searches names, aliases and definitions in both languages', () => {
    expect(searchGlossary('状态矩阵').map((e) => e.id)).toContain('state-matrix');
    expect(searchGlossary('LoRA').map((e) => e.id)).toEqual(['lora']);
    expect(searchGlossary('all-gather').map((e) => e.id)).toContain('all-gather');
    expect(searchGlossary('qqqq')).toEqual([]);
    // Name matches come before definition matches.
    const memory = searchGlossary('memory').map((e) => e.id);
    expect(memory.slice(0, 3)).toEqual(['memory-horizon', 'compressive-memory', 'bounded-memory']);
    expect(memory).toContain('linear-attention');
  });
});
