// The references page's data against the seeds themselves: every link the
// seeds give is in the data (the done criterion), every quoted
// citation and section heading appears verbatim in the seed it names, every
// identifier of seed 003's reference list is present, and the statuses carry
// the notes that explain them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LESSON_IDS } from '../../state/types';
import { citedUrls, referenceUrl, REFERENCES } from './references';
import { filterReferences } from './search';

const here = dirname(fileURLToPath(import.meta.url));
/** ../shared/seeds beside the repository (as src/lessons/prose.test.tsx finds it). */
const seedsDir = process.env.LA_SEEDS_DIR ?? resolve(here, '../../../../shared/seeds');

function loadSeeds(): Map<string, string> {
  return new Map(readdirSync(seedsDir).map((f) => [f.slice(0, 3), readFileSync(join(seedsDir, f), 'utf8')]));
}

/** Every http(s) link in a text, as a Markdown reader would end it (at whitespace, ')', ']', '>' or a quote). */
export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s)\]>"'，。]+/g)].map((m) => m[0]);
}

describe.skipIf(!existsSync(seedsDir))('references against the seeds', () => {
  const seeds = existsSync(seedsDir) ? loadSeeds() : new Map<string, string>();

  it('reads all four seeds', () => {
    expect([...seeds.keys()].sort()).toEqual(['000', '001', '002', '003']);
  });

  it('holds every link the seeds give', () => {
    const data = new Set(citedUrls());
    const all = new Set<string>();
    for (const [seed, text] of seeds) {
      for (const url of linksIn(text)) {
        all.add(url);
        expect(data.has(url), `${url} (seed ${seed}) is on the references page`).toBe(true);
      }
    }
    // 13 arXiv links, an arXiv author search and a papers.cool page; the data holds no link the seeds lack.
    expect(all.size).toBe(16);
    expect(data.size).toBe(all.size);
  });

  it("holds every arXiv identifier of seed 003's reference list", () => {
    const text = seeds.get('003') ?? '';
    const list = text.slice(text.indexOf('参考文献'));
    const ids = [...list.matchAll(/\((\d{4}\.\d{4,5})v\d+\)/g)].map((m) => m[1]);
    expect(ids.length).toBe(20);
    const cited = REFERENCES.filter((r) => r.cited.some((c) => c.seed === '003' && c.section === '参考文献'));
    expect(cited.length).toBe(20);
    for (const id of ids) {
      const entry = cited.find((r) => r.cited.some((c) => c.text.includes(`(${id}v`)));
      expect(entry, `arXiv ${id} of seed 003`).toBeDefined();
    }
  });

  it('quotes every citation and section verbatim from its seed', () => {
    for (const ref of REFERENCES) {
      for (const c of ref.cited) {
        const seed = seeds.get(c.seed) ?? '';
        expect(seed.includes(c.text), `${ref.id}: "${c.text}" in seed ${c.seed}`).toBe(true);
        expect(seed.includes(c.section), `${ref.id}: section "${c.section}" in seed ${c.seed}`).toBe(true);
        if (c.url !== undefined) expect(seed.includes(c.url)).toBe(true);
      }
    }
  });
});

describe('reference data', () => {
  it('has unique ids and identifiers', () => {
    expect(new Set(REFERENCES.map((r) => r.id)).size).toBe(REFERENCES.length);
    const arxiv = REFERENCES.flatMap((r) => (r.arxiv === undefined ? [] : [r.arxiv]));
    expect(new Set(arxiv).size).toBe(arxiv.length);
    for (const id of arxiv) expect(id).toMatch(/^\d{4}\.\d{4,5}$/);
  });

  it('explains every correction and every unverified entry in both languages', () => {
    for (const ref of REFERENCES) {
      expect(ref.cited.length, ref.id).toBeGreaterThan(0);
      if (ref.status !== 'verified') {
        expect(ref.note?.en.length ?? 0, ref.id).toBeGreaterThan(20);
        expect(ref.note?.zh ?? '', ref.id).toMatch(/[\u4e00-\u9fff]/);
      }
      for (const lesson of ref.lessons) expect(LESSON_IDS).toContain(lesson);
    }
  });

  it('marks the seed links whose identifier belongs to another paper as unverified, with no link of its own', () => {
    for (const id of ['hybrid-attention-mechanism', 'vqa-attention', 'mm-linear-complexities']) {
      const ref = REFERENCES.find((r) => r.id === id);
      expect(ref?.status).toBe('unverified');
      expect(ref && referenceUrl(ref)).toBeUndefined();
    }
    const efficient = REFERENCES.find((r) => r.id === 'efficient-attention');
    expect(efficient?.status).toBe('corrected');
    expect(efficient && referenceUrl(efficient)).toBe('https://arxiv.org/abs/1812.01243');
  });

  it('counts the statuses', () => {
    const count = (s: string) => REFERENCES.filter((r) => r.status === s).length;
    expect(count('verified') + count('corrected') + count('unverified')).toBe(REFERENCES.length);
    expect(count('unverified')).toBeGreaterThanOrEqual(12);
  });
});

describe('filterReferences', () => {
  it('matches title, authors, identifier and the seed text, ignoring case', () => {
    expect(filterReferences(REFERENCES, { query: 'lolcats', lesson: null }).map((r) => r.id)).toEqual([
      'lolcats',
    ]);
    expect(filterReferences(REFERENCES, { query: '2502.07563', lesson: null }).map((r) => r.id)).toEqual([
      'lasp2',
    ]);
    expect(filterReferences(REFERENCES, { query: 'Meet Lightning', lesson: null }).map((r) => r.id)).toEqual([
      'lightning2',
    ]);
  });

  it('filters by lesson and combines with the text', () => {
    const seq = filterReferences(REFERENCES, { query: '', lesson: 'seq-parallel' }).map((r) => r.id);
    expect(seq.sort()).toEqual(['lasp2', 'linear-moe', 'ring-attention']);
    expect(filterReferences(REFERENCES, { query: 'ring', lesson: 'seq-parallel' }).map((r) => r.id)).toEqual([
      'ring-attention',
    ]);
    expect(filterReferences(REFERENCES, { query: 'zzz-nothing', lesson: null })).toEqual([]);
    const unverified = filterReferences(REFERENCES, { query: '', lesson: null, status: 'unverified' });
    expect(unverified.length).toBe(REFERENCES.filter((r) => r.status === 'unverified').length);
    expect(
      filterReferences(REFERENCES, { query: '', lesson: 'recall', status: 'corrected' }).map((r) => r.id),
    ).toEqual(['based', 'zoology']);
  });
});
