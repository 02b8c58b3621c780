// Keeps <html> in step with the store: lang (en / zh-Hans), the resolved theme
// (data-theme, following the system while the choice is "system") and the title.
import { useEffect, useSyncExternalStore } from 'react';
import { getLesson } from '../../lessons/index';
import { useViewStore } from '../../state/store';
import type { Lang } from '../../state/types';
import { translate } from '../../i18n/translate';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToScheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function systemPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

function applyTheme(resolved: 'light' | 'dark'): void {
  const root = document.documentElement;
  root.dataset.theme = resolved;
  root.style.colorScheme = resolved;
}

function applyLang(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
}

/** Sets lang and theme on <html> before the first render, so a dark-system reader sees no light flash. */
export function applyDocumentSettings(): void {
  const { theme, lang } = useViewStore.getState();
  applyTheme(theme === 'system' ? (systemPrefersDark() ? 'dark' : 'light') : theme);
  applyLang(lang);
}

export function useDocumentSync(): void {
  const lang = useViewStore((state) => state.lang);
  const theme = useViewStore((state) => state.theme);
  const lessonId = useViewStore((state) => state.lesson);
  const step = useViewStore((state) => state.step);
  const systemDark = useSyncExternalStore(subscribeToScheme, systemPrefersDark, () => false);
  const resolved = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;

  useEffect(() => applyLang(lang), [lang]);
  useEffect(() => applyTheme(resolved), [resolved]);

  useEffect(() => {
    const lesson = getLesson(lessonId);
    const appTitle = translate(lang, 'app.title');
    const stepTitle = lesson?.steps[step]?.title[lang];
    document.title =
      lesson === undefined ? appTitle : `${lesson.title[lang]} · ${stepTitle ?? ''} — ${appTitle}`;
  }, [lang, lessonId, step]);
}
