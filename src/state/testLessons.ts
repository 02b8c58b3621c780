// Stand-in lessons for the state tests (registered with registerLessons), so
// they do not depend on which lesson folders are complete.
import type { CatalogLesson } from './lessonCatalog';
import type { LessonId, ViewState } from './types';

type TestLesson = CatalogLesson & { readonly id: LessonId };

const testLessons: readonly TestLesson[] = [
  {
    id: 'softmax-wall',
    steps: [
      { defaults: { n: 64, causal: false } },
      { defaults: { n: 512, variant: 'linear', form: 'chunk' } },
      {},
    ],
  },
  { id: 'rnn', steps: [{ defaults: { t: 10 } }], maxN: 512 },
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
