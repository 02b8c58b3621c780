// useT(): the translate function of the current language (from the store).
import { useMemo } from 'react';
import { useViewStore } from '../state/store';
import { translatorFor, type Translate } from './translate';

export function useT(): Translate {
  const lang = useViewStore((state) => state.lang);
  return useMemo(() => translatorFor(lang), [lang]);
}
