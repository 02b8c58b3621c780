// The components lesson prose (MDX) may use: <Step id> shows its children only
// while that step is current; <Value name> prints a number the lab published;
// <Term> marks a defined term, optionally with its name in the other language,
// and links it to its glossary entry (found by `id`, its text, or `en`/`zh`).
import { Children, type ComponentType, type ReactNode } from 'react';
import { findGlossaryEntry } from '../../content/glossary/glossary';
import { stepIndex } from '../../lessons/index';
import termStyles from '../../components/glossary/Term.module.css';
import { useTermLink } from './useTermLink';
import { useT } from '../../i18n';
import { useViewStore } from '../../state/store';
import { useLiveValue } from '../../components/live-values/liveValues';
import { useCurrentLesson } from './LessonContext';

export function Step({ id, children }: { readonly id: string; readonly children?: ReactNode }) {
  const lesson = useCurrentLesson();
  const step = useViewStore((state) => state.step);
  if (lesson === null || stepIndex(lesson, id) !== step) return null;
  return (
    <div className="prose__step" data-step={id}>
      {children}
    </div>
  );
}

export function Value({ name }: { readonly name: string }) {
  const text = useLiveValue(name);
  return (
    <span className="live-value" data-value={name}>
      {text ?? '…'}
    </span>
  );
}

/** The plain text of a term's children (strings and numbers only). */
function textOf(children: ReactNode): string {
  return Children.toArray(children)
    .filter((child) => typeof child === 'string' || typeof child === 'number')
    .join('');
}

export function Term({
  children,
  zh,
  en,
  id,
}: {
  readonly children?: ReactNode;
  /** The Chinese term, shown beside an English one. */
  readonly zh?: string;
  /** The English term, shown beside a Chinese one. */
  readonly en?: string;
  /** The glossary entry, when the text alone does not name it. */
  readonly id?: string;
}) {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  const text = textOf(children);
  const entry = findGlossaryEntry({ id, text, en, zh });
  const link = useTermLink(entry?.id);
  const gloss = lang === 'en' ? zh : en;
  const term = <dfn>{children}</dfn>;
  return (
    <span className="term">
      {link && entry ? (
        <a
          className={termStyles.link}
          data-term={entry.id}
          title={t('term.link', { term: lang === 'en' ? entry.en : entry.zh })}
          {...link}
        >
          {term}
        </a>
      ) : (
        term
      )}
      {gloss !== undefined && (
        <span className="term__gloss" lang={lang === 'en' ? 'zh-Hans' : 'en'}>
          {' '}
          ({gloss})
        </span>
      )}
    </span>
  );
}

export const mdxComponents = { Step, Value, Term } as unknown as Record<string, ComponentType<never>>;
