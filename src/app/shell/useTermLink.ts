// Props for a link to a glossary entry: a real anchor (the canonical query of
// the field-map lesson's glossary step plus #term-<id>), which a plain click
// follows in place and which opens in a new tab or copies as a shareable URL.
import { useCallback, type FocusEvent, type MouseEvent } from 'react';
import { getLesson } from '../../lessons/index';
import { canonicalQuery, selectView, useViewStore, viewForStep } from '../../state/store';
import { FIELD_MAP_LESSON, FIELD_MAP_STEP } from '../../components/field-map/steps';
import { requestTermFocus, writeTermHash } from '../../components/glossary/termFocus';

function hrefOf(id: string): string {
  const view = viewForStep(selectView(useViewStore.getState()), FIELD_MAP_LESSON, FIELD_MAP_STEP.glossary);
  return `?${canonicalQuery(view)}#term-${id}`;
}

export interface TermLinkProps {
  readonly href: string;
  onClick(event: MouseEvent<HTMLAnchorElement>): void;
  onMouseEnter(event: MouseEvent<HTMLAnchorElement>): void;
  onFocus(event: FocusEvent<HTMLAnchorElement>): void;
}

/** Link props for entry `id`, or null when there is no entry or the glossary is not in this build. */
export function useTermLink(id: string | undefined): TermLinkProps | null {
  const goToStep = useViewStore((state) => state.goToStep);
  useViewStore((state) => `${state.lesson}:${state.step}:${state.lang}`);
  const refresh = useCallback(
    (event: MouseEvent<HTMLAnchorElement> | FocusEvent<HTMLAnchorElement>) => {
      if (id !== undefined) event.currentTarget.setAttribute('href', hrefOf(id));
    },
    [id],
  );
  const onClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      if (id === undefined) return;
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        event.currentTarget.setAttribute('href', hrefOf(id));
        return;
      }
      event.preventDefault();
      requestTermFocus(id);
      goToStep(FIELD_MAP_LESSON, FIELD_MAP_STEP.glossary);
      writeTermHash(id);
    },
    [goToStep, id],
  );
  if (id === undefined || getLesson(FIELD_MAP_LESSON) === undefined) return null;
  return { href: hrefOf(id), onClick, onMouseEnter: refresh, onFocus: refresh };
}
