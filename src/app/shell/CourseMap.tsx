// The landing page: what the app is and the lessons that exist, each with the
// survey sections it mirrors.
import { lessons } from '../../lessons/index';
import type { LessonDef } from '../../lessons/types';
import { useViewStore } from '../../state/store';
import type { Lang } from '../../state/types';
import { useT } from '../../i18n';
import { SurveyRefs } from './SurveyRefs';
import { useFocusOnArrival } from './useFocusOnArrival';
import { useStepLink } from '../../components/hooks/useViewHref';

function LessonCard({ lesson, lang }: { lesson: LessonDef; lang: Lang }) {
  const t = useT();
  const link = useStepLink(lesson.id, 0);
  const titleId = `lesson-${lesson.id}-title`;
  return (
    <li className="card">
      <span className="card__number" aria-hidden="true">
        {lesson.number}
      </span>
      <div className="card__body">
        <p className="eyebrow">{t('map.lesson', { number: lesson.number })}</p>
        <h3 className="card__title" id={titleId}>
          <a {...link} className="card__link">
            {lesson.title[lang]}
          </a>
        </h3>
        <p className="card__summary">{lesson.summary[lang]}</p>
        <SurveyRefs refs={lesson.survey} label={t('map.mirrors')} />
        <p className="card__meta">{t('map.steps', { count: lesson.steps.length })}</p>
      </div>
    </li>
  );
}

export function CourseMap() {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  const titleRef = useFocusOnArrival<HTMLHeadingElement>('map');
  return (
    <div className="course-map">
      <section className="hero">
        <h1 className="hero__title" tabIndex={-1} ref={titleRef}>
          {t('app.title')}
        </h1>
        <p className="hero__tagline">{t('app.tagline')}</p>
      </section>
      <section aria-labelledby="map-title">
        <h2 id="map-title" className="section-title">
          {t('map.title')}
        </h2>
        <p className="section-intro">{t('map.intro')}</p>
        {lessons.length === 0 ? (
          <p>{t('map.empty')}</p>
        ) : (
          <ol className="cards">
            {lessons.map((lesson) => (
              <LessonCard key={lesson.id} lesson={lesson} lang={lang} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
