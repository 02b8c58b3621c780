// A stand-in lesson registry for the state tests (vi.mock('../lessons/index')),
// so they do not depend on which lesson folders are complete.
import type { LessonDef } from '../lessons/types';
import type { LessonId, ViewState } from './types';

type TestLesson = Pick<LessonDef, 'id' | 'steps'>;

const testLessons: readonly TestLesson[] = [
  {
    id: 'softmax-wall',
    steps: [
      { id: 'a', title: { en: 'A', zh: 'A' }, defaults: { n: 64, causal: false } },
      { id: 'b', title: { en: 'B', zh: 'B' }, defaults: { n: 512, variant: 'linear', form: 'chunk' } },
      { id: 'c', title: { en: 'C', zh: 'C' } },
    ],
  },
  { id: 'rnn', steps: [{ id: 'x', title: { en: 'X', zh: 'X' }, defaults: { t: 10 } }] },
];

export function getLesson(id: LessonId | null): TestLesson | undefined {
  return testLessons.find((lesson) => lesson.id === id);
}

export function lessonStepDefaults(id: LessonId, step: number): Partial<ViewState> | undefined {
  return getLesson(id)?.steps[step]?.defaults;
}

export function lessonStepCount(id: LessonId): number | undefined {
  return getLesson(id)?.steps.length;
}
