// What the field map says about one open problem: its theme and kind, its
// title and text in both languages, the seed sections it comes from, its
// lessons and the problems related to it. LessonLink and Sources are also the
// text list's.
import { relatedTo, type OpenProblem } from '../../content/openProblems/openProblems';
import { useStepLink } from '../../components/hooks/useViewHref';
import { useT } from '../../i18n';
import { useViewStore } from '../../state/store';
import type { Lang, LessonId } from '../../state/types';
import { getLesson } from '../index';
import styles from './FieldMap.module.css';
import { availableLessons, themeTitle } from './problemIndex';

export function LessonLink({ id }: { readonly id: LessonId }) {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  const link = useStepLink(id, 0);
  const lesson = getLesson(id);
  if (!lesson) return null;
  return (
    <a {...link} data-lesson-link={id}>
      {t('fieldMap.detail.lessonLink', { number: lesson.number, title: lesson.title[lang] })}
    </a>
  );
}

export function Sources({ problem }: { readonly problem: OpenProblem }) {
  const t = useT();
  return (
    <ul className={styles.sources}>
      {problem.sources.map((s) => (
        <li key={`${s.seed}:${s.heading}`}>
          {t('fieldMap.detail.source', { seed: s.seed })} ·{' '}
          <span lang="zh-Hans" className={styles.heading}>
            {s.heading}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ProblemDetail({
  problem,
  onSelect,
}: {
  readonly problem: OpenProblem;
  onSelect(id: string): void;
}) {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const tag = (l: Lang) => (l === 'zh' ? 'zh-Hans' : 'en');
  const lessons = availableLessons(problem);
  const related = relatedTo(problem.id);
  return (
    <section className={styles.detail} aria-label={t('fieldMap.detail.label')} data-testid="field-detail">
      <p className={styles.eyebrow}>
        {themeTitle.get(problem.theme)?.[lang]} · {t(`fieldMap.kind.${problem.kind}`)}
      </p>
      <h3 className={styles.detailTitle} lang={tag(lang)} data-testid="field-detail-title">
        {problem.title[lang]}
      </h3>
      <p lang={tag(lang)}>{problem.text[lang]}</p>
      <p className={styles.otherTitle} lang={tag(other)}>
        {problem.title[other]}
      </p>
      <p className={styles.otherText} lang={tag(other)}>
        {problem.text[other]}
      </p>
      <h4 className={styles.subhead}>{t('fieldMap.detail.sources')}</h4>
      <Sources problem={problem} />
      {lessons.length > 0 && (
        <>
          <h4 className={styles.subhead}>{t('fieldMap.detail.lessons')}</h4>
          <ul className={styles.inline}>
            {lessons.map((id) => (
              <li key={id}>
                <LessonLink id={id} />
              </li>
            ))}
          </ul>
        </>
      )}
      {related.length > 0 && (
        <>
          <h4 className={styles.subhead}>{t('fieldMap.detail.related')}</h4>
          <ul className={styles.inline}>
            {related.map((r) => (
              <li key={r.id}>
                <button type="button" className={styles.chip} onClick={() => onSelect(r.id)}>
                  {r.title[lang]}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
