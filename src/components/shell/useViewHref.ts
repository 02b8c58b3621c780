// Links inside the app are real anchors (href = the canonical query of the target
// view, relative so any sub-path works); a plain click navigates in place.
import { useCallback, type MouseEvent } from 'react';
import { selectView, useViewStore, viewForStep } from '../../state/store';
import type { LessonId } from '../../state/types';
import { serializeViewState } from '../../state/urlSchema';

/** Relative href of a step (query only), kept up to date with the controls it carries. */
export function useStepHref(lesson: LessonId | null, step: number): string {
  return useViewStore((state) => `?${serializeViewState(viewForStep(selectView(state), lesson, step))}`);
}

/** onClick for an anchor to a step: navigate in place unless the reader asked for a new tab or window. */
export function useStepNavigation(): (lesson: LessonId | null, step: number) => (event: MouseEvent) => void {
  const goToStep = useViewStore((state) => state.goToStep);
  return useCallback(
    (lesson, step) => (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      goToStep(lesson, step);
    },
    [goToStep],
  );
}
