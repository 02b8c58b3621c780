import { lazy, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LessonDef } from '../../lessons/types';

const fakeLesson: LessonDef = {
  id: 'rnn',
  number: 4,
  title: { en: 'Linear attention is an RNN', zh: '线性注意力就是 RNN' },
  summary: { en: 'A running sum.', zh: '一个累加和。' },
  survey: [{ seed: '003', heading: '1.2 线性注意力的核心思想' }],
  steps: [
    { id: 'sum', title: { en: 'A running sum', zh: '累加和' } },
    { id: 'fill', title: { en: 'Watch S_t fill', zh: '看 S_t 填满' }, defaults: { n: 64 } },
  ],
  prose: { en: async () => ({ default: () => null }), zh: async () => ({ default: () => null }) },
  Lab: lazy(async () => ({ default: () => null })),
};

vi.mock('../../lessons/index', () => ({
  lessons: [fakeLesson],
  getLesson: (id: string | null) => (id === 'rnn' ? fakeLesson : undefined),
  lessonStepCount: (id: string) => (id === 'rnn' ? 2 : undefined),
  lessonStepDefaults: (id: string, step: number) =>
    id === 'rnn' ? fakeLesson.steps[step]?.defaults : undefined,
  neighbourLesson: () => undefined,
  stepIndex: (lesson: LessonDef, id: string) => lesson.steps.findIndex((s) => s.id === id),
}));

// The app registers the lessons with the view state at start (main.tsx); so does this test.
const { getLesson } = await import('../../lessons/index');
const { registerLessons } = await import('../../state/lessonCatalog');
registerLessons(getLesson);
const { useViewStore } = await import('../../state/store');
const { DEFAULT_VIEW } = await import('../../state/urlSchema');
const { Notices } = await import('./Notices');
const { CourseMap } = await import('./CourseMap');
const { LessonPage } = await import('./LessonPage');
const { Step, Term } = await import('./mdxComponents');
const { LessonContext } = await import('./LessonContext');

beforeEach(() => useViewStore.setState({ ...DEFAULT_VIEW, notices: [] }));

/** Server rendering reads a zustand store's initial state; copy the current state into it first. */
function render(element: ReactElement): string {
  Object.assign(useViewStore.getInitialState(), useViewStore.getState());
  return renderToStaticMarkup(element);
}

describe('Notices', () => {
  it('renders notice text as text, never as markup', () => {
    useViewStore.getState().pushNotice({ kind: 'warning', text: 'lesson “<img src=x onerror=alert(1)>”' });
    const html = render(<Notices />);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('aria-label="Dismiss: lesson');
    expect(html).not.toContain('Dismiss all notices');
    useViewStore.getState().pushNotice({ kind: 'info', text: 'second' });
    expect(render(<Notices />)).toContain('Dismiss all notices');
  });
});

describe('CourseMap', () => {
  it('lists each lesson with its number, title, summary, survey sections and a link to its first step', () => {
    const html = render(<CourseMap />);
    expect(html).toContain('Lesson 4');
    expect(html).toContain('Linear attention is an RNN');
    expect(html).toContain('A running sum.');
    expect(html).toContain('<span class="survey__seed">003</span>');
    expect(html).toContain('lang="zh-Hans">1.2 线性注意力的核心思想');
    expect(html).toContain('href="?lesson=rnn&amp;lang=en"');
    expect(html).toContain('2 steps');
  });

  it('speaks Chinese when the view does', () => {
    useViewStore.getState().setView({ lang: 'zh' });
    const html = render(<CourseMap />);
    expect(html).toContain('第 4 课');
    expect(html).toContain('线性注意力就是 RNN');
  });
});

describe('LessonPage', () => {
  it('shows the current step, marks it in the step list and links the next one with its defaults', () => {
    useViewStore.getState().goToStep('rnn', 0);
    useViewStore.getState().setView({ seed: 7 });
    const html = render(<LessonPage lesson={fakeLesson} />);
    expect(html).toContain('Step 1 of 2');
    expect(html).toMatch(/aria-current="step"[^>]*>.*?A running sum/);
    // The next step's link leaves out what that step sets itself (n=64) but keeps the rest of the view.
    expect(html).toContain('href="?lesson=rnn&amp;step=1&amp;lang=en&amp;seed=7"');
    expect(html).toContain('Loading the lab…');
  });
});

describe('prose components', () => {
  it('<Step> renders only the current step', () => {
    useViewStore.getState().goToStep('rnn', 1);
    const html = render(
      <LessonContext.Provider value={fakeLesson}>
        <Step id="sum">first</Step>
        <Step id="fill">second</Step>
        <Step id="unknown">never</Step>
      </LessonContext.Provider>,
    );
    expect(html).toBe('<div class="prose__step" data-step="fill">second</div>');
  });

  it('<Term> shows the other language’s name', () => {
    const html = render(<Term zh="状态矩阵">state matrix</Term>);
    expect(html).toContain('<dfn>state matrix</dfn>');
    expect(html).toContain('<span class="term__gloss" lang="zh-Hans"> (状态矩阵)</span>');
  });
});
