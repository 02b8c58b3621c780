// The theme the page shows (the reader's choice, or the system's while the
// choice is "system"), for views that colour pixels themselves.
import { useSyncExternalStore } from 'react';
import { useViewStore } from '../../state/store';
import type { Theme } from '../heatmap/colorMaps';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function systemDark(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(DARK_QUERY).matches;
}

export function useResolvedTheme(): Theme {
  const choice = useViewStore((state) => state.theme);
  const dark = useSyncExternalStore(subscribe, systemDark, () => false);
  if (choice === 'system') return dark ? 'dark' : 'light';
  return choice;
}
