// The components lesson prose (MDX) may use: <Step id> shows its children only
// while that step is current; <Value name> prints a number the lab published;
// <Term> marks a defined term, optionally with its name in the other language.
import type { ComponentType, ReactNode } from 'react';
import { stepIndex } from '../../lessons/index';
import { useViewStore } from '../../state/store';
import { useLiveValue } from '../liveValues';
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

export function Term({
  children,
  zh,
  en,
}: {
  readonly children?: ReactNode;
  /** The Chinese term, shown beside an English one. */
  readonly zh?: string;
  /** The English term, shown beside a Chinese one. */
  readonly en?: string;
}) {
  const lang = useViewStore((state) => state.lang);
  const gloss = lang === 'en' ? zh : en;
  return (
    <span className="term">
      <dfn>{children}</dfn>
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
