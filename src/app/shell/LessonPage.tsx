// One lesson: its header, the step list, the text column and the lab column.
// Arriving at a step by navigation moves focus to the step's heading.
import { Suspense } from 'react';
import type { LessonDef } from '../../lessons/types';
import { useViewStore } from '../../state/store';
import { useT } from '../../i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { LessonContext } from './LessonContext';
import { PrevNext } from './PrevNext';
import { Prose } from './Prose';
import { StepNav } from './StepNav';
import { SurveyRefs } from './SurveyRefs';
import { useFocusOnArrival } from './useFocusOnArrival';

export function LessonPage({ lesson }: { lesson: LessonDef }) {
  const t = useT();
  const step = useViewStore((state) => state.step);
  const lang = useViewStore((state) => state.lang);
  const headingRef = useFocusOnArrival<HTMLHeadingElement>(`${lesson.id}#${step}`);
  const current = lesson.steps[Math.min(step, lesson.steps.length - 1)];
  const Lab = lesson.Lab;

  return (
    <LessonContext.Provider value={lesson}>
      <article className="lesson" data-lesson={lesson.id}>
        <header className="lesson__header">
          <p className="eyebrow">{t('map.lesson', { number: lesson.number })}</p>
          <h1 className="lesson__title">{lesson.title[lang]}</h1>
          <p className="lesson__summary">{lesson.summary[lang]}</p>
          <SurveyRefs refs={lesson.survey} label={t('lesson.survey')} />
        </header>
        <StepNav lesson={lesson} step={step} lang={lang} />
        <div className="lesson__grid">
          <section className="lesson__prose" aria-labelledby="step-heading">
            <h2 id="step-heading" className="step-heading" tabIndex={-1} ref={headingRef}>
              <span className="step-heading__count">
                {t('lesson.step', { number: step + 1, count: lesson.steps.length })}
              </span>
              <span className="step-heading__title">{current.title[lang]}</span>
            </h2>
            <Prose lesson={lesson} lang={lang} />
          </section>
          <section className="lesson__lab" aria-label={t('lesson.lab')}>
            <ErrorBoundary
              key={lesson.id}
              fallback={(error, retry) => (
                <div className="inline-error" role="alert">
                  <p>{t('lesson.labFailed', { message: error.message })}</p>
                  <button type="button" className="button" onClick={retry}>
                    {t('lesson.retry')}
                  </button>
                </div>
              )}
            >
              <Suspense fallback={<p className="loading">{t('lesson.loadingLab')}</p>}>
                <Lab />
              </Suspense>
            </ErrorBoundary>
          </section>
          <PrevNext lesson={lesson} step={step} lang={lang} />
        </div>
      </article>
    </LessonContext.Provider>
  );
}
