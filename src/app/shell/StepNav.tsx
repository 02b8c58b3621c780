// The step list of a lesson: one link per step (deep-linkable), the current one marked.
import type { LessonDef } from '../../lessons/types';
import type { Lang } from '../../state/types';
import { useT } from '../../i18n';
import { useStepLink } from '../../components/hooks/useViewHref';

function StepLink({
  lesson,
  index,
  current,
  lang,
}: {
  lesson: LessonDef;
  index: number;
  current: boolean;
  lang: Lang;
}) {
  const link = useStepLink(lesson.id, index);
  return (
    <li className="steps__item">
      <a className="steps__link" {...link} aria-current={current ? 'step' : undefined}>
        <span className="steps__number" aria-hidden="true">
          {index + 1}
        </span>
        <span className="steps__title">{lesson.steps[index].title[lang]}</span>
      </a>
    </li>
  );
}

export function StepNav({ lesson, step, lang }: { lesson: LessonDef; step: number; lang: Lang }) {
  const t = useT();
  return (
    <nav className="steps" aria-label={t('lesson.steps')}>
      <ol className="steps__list">
        {lesson.steps.map((s, index) => (
          <StepLink key={s.id} lesson={lesson} index={index} current={index === step} lang={lang} />
        ))}
      </ol>
    </nav>
  );
}
