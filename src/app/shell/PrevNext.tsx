// Previous / next at the foot of the text: through the steps, then across lessons.
import { neighbourLesson } from '../../lessons/index';
import type { LessonDef } from '../../lessons/types';
import type { Lang, LessonId } from '../../state/types';
import { useT } from '../../i18n';
import { useStepLink } from '../../components/hooks/useViewHref';

interface Target {
  readonly lesson: LessonId | null;
  readonly step: number;
  readonly label: string;
  readonly title: string;
}

function PagerLink({ target, direction }: { target: Target; direction: 'previous' | 'next' }) {
  const link = useStepLink(target.lesson, target.step);
  return (
    <a
      className={`pager__link pager__link--${direction}`}
      {...link}
      rel={direction === 'previous' ? 'prev' : 'next'}
    >
      <span className="pager__label">
        {direction === 'previous' ? '← ' : ''}
        {target.label}
        {direction === 'next' ? ' →' : ''}
      </span>
      <span className="pager__title">{target.title}</span>
    </a>
  );
}

export function PrevNext({ lesson, step, lang }: { lesson: LessonDef; step: number; lang: Lang }) {
  const t = useT();
  const before = neighbourLesson(lesson.id, -1);
  const after = neighbourLesson(lesson.id, 1);
  const previous: Target | null =
    step > 0
      ? {
          lesson: lesson.id,
          step: step - 1,
          label: t('lesson.previous'),
          title: lesson.steps[step - 1].title[lang],
        }
      : before !== undefined
        ? {
            lesson: before.id,
            step: before.steps.length - 1,
            label: t('lesson.previousLesson'),
            title: before.title[lang],
          }
        : { lesson: null, step: 0, label: t('lesson.backToMap'), title: t('map.title') };
  const next: Target | null =
    step < lesson.steps.length - 1
      ? {
          lesson: lesson.id,
          step: step + 1,
          label: t('lesson.next'),
          title: lesson.steps[step + 1].title[lang],
        }
      : after !== undefined
        ? {
            lesson: after.id,
            step: 0,
            label: t('lesson.nextLesson'),
            title: after.title[lang],
          }
        : { lesson: null, step: 0, label: t('lesson.backToMap'), title: t('map.title') };
  return (
    <nav className="pager" aria-label={t('lesson.pager')}>
      <PagerLink target={previous} direction="previous" />
      <PagerLink target={next} direction="next" />
    </nav>
  );
}
