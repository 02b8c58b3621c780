import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, normalizeViewState, viewStateSchema } from '../state/urlSchema';
import { assembleLessons, lessonMetas, type LessonMeta } from './index';

const meta = (id: string, number: number, steps = 2): { meta: LessonMeta } => ({
  meta: {
    id: id as LessonMeta['id'],
    number,
    title: { en: id, zh: id },
    summary: { en: '', zh: '' },
    survey: [],
    steps: Array.from({ length: steps }, (_, i) => ({ id: `s${i}`, title: { en: `${i}`, zh: `${i}` } })),
  },
});
const prose = async () => ({ default: () => null });
const lab = async () => ({ default: () => null });

describe('assembleLessons', () => {
  it('registers complete folders in course order and lists incomplete ones with what is missing', () => {
    const { lessons, incomplete } = assembleLessons({
      metas: {
        './timing/meta.ts': meta('timing', 8),
        './softmax-wall/meta.ts': meta('softmax-wall', 1),
        './rnn/meta.ts': meta('rnn', 4),
        './reorder/meta.ts': meta('softmax-wall', 2),
      },
      en: {
        './timing/en.mdx': prose,
        './softmax-wall/en.mdx': prose,
        './rnn/en.mdx': prose,
        './reorder/en.mdx': prose,
      },
      zh: { './timing/zh.mdx': prose, './softmax-wall/zh.mdx': prose, './reorder/zh.mdx': prose },
      labs: {
        './timing/Lab.tsx': lab,
        './softmax-wall/Lab.tsx': lab,
        './rnn/Lab.tsx': lab,
        './reorder/Lab.tsx': lab,
      },
    });
    expect(lessons.map((l) => [l.id, l.number])).toEqual([
      ['softmax-wall', 1],
      ['timing', 8],
    ]);
    expect(incomplete).toEqual([
      { id: 'rnn', missing: ['zh.mdx'] },
      { id: 'reorder', missing: ['meta.id "softmax-wall" ≠ folder'] },
    ]);
    expect(lessons[0].prose.en).toBe(prose);
  });

  it('refuses a lesson without steps', () => {
    const { lessons, incomplete } = assembleLessons({
      metas: { './rnn/meta.ts': meta('rnn', 4, 0) },
      en: { './rnn/en.mdx': prose },
      zh: { './rnn/zh.mdx': prose },
      labs: { './rnn/Lab.tsx': lab },
    });
    expect(lessons).toEqual([]);
    expect(incomplete).toEqual([{ id: 'rnn', missing: ['steps'] }]);
  });
});

describe('lesson metadata of this build', () => {
  it('has unique numbers and step ids', () => {
    const numbers = lessonMetas.map((m) => m.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const m of lessonMetas) expect(new Set(m.steps.map((s) => s.id)).size, m.id).toBe(m.steps.length);
  });

  it('sets only valid control values as step defaults (the URL schema would change them otherwise)', () => {
    for (const m of lessonMetas) {
      m.steps.forEach((step, index) => {
        const result = viewStateSchema
          .partial()
          .strict()
          .safeParse(step.defaults ?? {});
        expect(result.success, `${m.id} step ${index}: ${result.error?.message ?? ''}`).toBe(true);
        // On the slider grid and consistent with each other (form of the variant, t ≤ n): nothing to correct.
        const { corrections } = normalizeViewState({ ...DEFAULT_VIEW, ...step.defaults });
        expect(corrections, `${m.id} step ${index}`).toEqual([]);
      });
    }
  });

  it("keeps every step's n within its lesson's cap (meta.maxN), which links are clamped to", () => {
    for (const m of lessonMetas) {
      if (m.maxN === undefined) continue;
      expect(Number.isInteger(m.maxN) && m.maxN >= 8, m.id).toBe(true);
      m.steps.forEach((step, index) => {
        expect(step.defaults?.n ?? DEFAULT_VIEW.n, `${m.id} step ${index}`).toBeLessThanOrEqual(m.maxN ?? 0);
      });
    }
  });
});
