// Moves focus to a heading when the reader arrives at a new place (another step,
// lesson or the course map) by navigation, so keyboard and screen-reader users
// land on the new content. The first place of the page load keeps the browser's
// focus. The last place is remembered across remounts (a new lesson remounts).
import { useEffect, useRef } from 'react';

let lastPlace: string | null = null;

export function useFocusOnArrival<T extends HTMLElement>(place: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (lastPlace !== null && lastPlace !== place) ref.current?.focus();
    lastPlace = place;
  }, [place]);
  return ref;
}
