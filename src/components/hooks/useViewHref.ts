// Links inside the app are real anchors (href = the canonical query of the target
// view, relative so any sub-path works); a plain click navigates in place.
//
// The href carries the current controls, which change on every slider step. So
// that a drag does not re-render every link, the href is computed when the link
// renders and refreshed when the pointer or focus reaches it (before any
// middle-click, "copy link" or open-in-new-tab can read it).
import { useCallback, type FocusEvent, type MouseEvent } from 'react';
import { canonicalQuery, selectView, useViewStore, viewForStep } from '../../state/store';
import type { LessonId } from '../../state/types';

function hrefOf(lesson: LessonId | null, step: number): string {
  return `?${canonicalQuery(viewForStep(selectView(useViewStore.getState()), lesson, step))}`;
}

export interface StepLinkProps {
  readonly href: string;
  onClick(event: MouseEvent<HTMLAnchorElement>): void;
  onMouseEnter(event: MouseEvent<HTMLAnchorElement>): void;
  onFocus(event: FocusEvent<HTMLAnchorElement>): void;
}

/** Props for an anchor to a step of a lesson (null: the course map). */
export function useStepLink(lesson: LessonId | null, step: number): StepLinkProps {
  const goToStep = useViewStore((state) => state.goToStep);
  // Re-render on navigation and language; other controls refresh the href on hover/focus.
  useViewStore((state) => `${state.lesson}:${state.step}:${state.lang}`);
  const refresh = useCallback(
    (event: MouseEvent<HTMLAnchorElement> | FocusEvent<HTMLAnchorElement>) => {
      event.currentTarget.setAttribute('href', hrefOf(lesson, step));
    },
    [lesson, step],
  );
  const onClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        event.currentTarget.setAttribute('href', hrefOf(lesson, step));
        return;
      }
      event.preventDefault();
      goToStep(lesson, step);
    },
    [goToStep, lesson, step],
  );
  return { href: hrefOf(lesson, step), onClick, onMouseEnter: refresh, onFocus: refresh };
}
