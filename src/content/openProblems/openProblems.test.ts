// The field map's data and layout: every problem comes from a seed section
// quoted verbatim, links to real lessons, edges join known problems, and the
// layout is deterministic with no two nodes overlapping.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LESSON_IDS } from '../../state/types';
import { layoutMap, MAP_WIDTH, wrapTitle } from './layout';
import { distancesFrom, MAP_DIAMETER, OPEN_PROBLEMS, RELATED, relatedTo, THEMES } from './openProblems';

const here = dirname(fileURLToPath(import.meta.url));
const seedsDir = resolve(here, '../../../../shared/seeds');

describe('open problems', () => {
  it('has unique ids, bilingual text, known themes and lessons', () => {
    expect(new Set(OPEN_PROBLEMS.map((p) => p.id)).size).toBe(OPEN_PROBLEMS.length);
    for (const p of OPEN_PROBLEMS) {
      expect(THEMES.map((t) => t.id)).toContain(p.theme);
      expect(p.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.text.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.text.en.length).toBeGreaterThan(40);
      expect(p.lessons.length).toBeGreaterThan(0);
      for (const lesson of p.lessons) expect(LESSON_IDS).toContain(lesson);
      expect(p.sources.length).toBeGreaterThan(0);
    }
    // Every lesson but the map itself is shown by some problem.
    const shown = new Set(OPEN_PROBLEMS.flatMap((p) => p.lessons));
    for (const id of LESSON_IDS) if (id !== 'field-map') expect(shown.has(id), id).toBe(true);
  });

  it.skipIf(!existsSync(seedsDir))('quotes every source heading verbatim from its seed', () => {
    const seeds = new Map(
      readdirSync(seedsDir).map((f) => [f.slice(0, 3), readFileSync(join(seedsDir, f), 'utf8')]),
    );
    for (const p of OPEN_PROBLEMS) {
      for (const s of p.sources) expect(seeds.get(s.seed), `${p.id}: ${s.heading}`).toContain(s.heading);
    }
  });

  it('relates known problems, without self-loops or duplicates', () => {
    const ids = new Set(OPEN_PROBLEMS.map((p) => p.id));
    const keys = RELATED.map(([a, b]) => [a, b].sort().join('|'));
    expect(new Set(keys).size).toBe(RELATED.length);
    for (const [a, b] of RELATED) {
      expect(ids.has(a), a).toBe(true);
      expect(ids.has(b), b).toBe(true);
      expect(a).not.toBe(b);
    }
    expect(relatedTo('recall').map((p) => p.id)).toEqual([
      'higher-order',
      'long-range',
      'state-expansion',
      'local-global',
      'in-context',
    ]);
  });
});

describe('distancesFrom', () => {
  it('counts relations along shortest paths and reaches every problem (the map is connected)', () => {
    const d = distancesFrom('recall');
    expect(d.get('recall')).toBe(0);
    for (const p of relatedTo('recall')) expect(d.get(p.id)).toBe(1);
    // recall – long-range – rnn-view: two relations.
    expect(d.get('rnn-view')).toBe(2);
    expect(d.size).toBe(OPEN_PROBLEMS.length);
    // The prose says so: no problem is more than seven relations from any other.
    expect(MAP_DIAMETER).toBe(7);
    // Symmetric, and every edge changes the distance by at most one.
    for (const [a, b] of RELATED) {
      expect(Math.abs((d.get(a) ?? 0) - (d.get(b) ?? 0))).toBeLessThanOrEqual(1);
      expect(distancesFrom(a).get(b)).toBe(1);
    }
  });
});

describe('layout', () => {
  it('is deterministic and places every problem once inside its theme box', () => {
    for (const lang of ['en', 'zh'] as const) {
      const a = layoutMap(lang);
      expect(layoutMap(lang)).toEqual(a);
      expect(a.nodes.length).toBe(OPEN_PROBLEMS.length);
      expect(a.edges.length).toBe(RELATED.length);
      for (const node of a.nodes) {
        const box = a.boxes.find((b) => b.id === node.theme);
        expect(box).toBeDefined();
        if (!box) continue;
        expect(node.x).toBeGreaterThan(box.x);
        expect(node.x).toBeLessThan(box.x + box.width);
        expect(node.y).toBeGreaterThan(box.y);
        expect(node.y).toBeLessThan(box.y + box.height);
      }
      for (let i = 0; i < a.nodes.length; i++) {
        for (let j = i + 1; j < a.nodes.length; j++) {
          const [p, q] = [a.nodes[i], a.nodes[j]];
          expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThanOrEqual(40);
        }
      }
      expect(a.width).toBe(MAP_WIDTH);
    }
  });

  it('wraps titles to the box', () => {
    expect(wrapTitle('Linear attention meets state space models', 'en')).toEqual([
      'Linear attention meets state',
      'space models',
    ]);
    expect(wrapTitle('线性注意力与状态空间模型的结合', 'zh')).toEqual(['线性注意力与状态', '空间模型的结合']);
    for (const p of OPEN_PROBLEMS) {
      expect(wrapTitle(p.title.en, 'en').length, p.id).toBeLessThanOrEqual(2);
      expect(wrapTitle(p.title.zh, 'zh').length, p.id).toBeLessThanOrEqual(2);
    }
  });
});
