// The URL mirrors the store. On start the link is parsed (corrections become
// notices) and rewritten to its canonical form; afterwards every store change
// writes the canonical query. Changes that follow each other within
// `coalesceMs` (a slider drag) share one history entry: the first pushes, the
// rest replace. Moving to another lesson or step always pushes. Back/forward
// (popstate) parse the URL again and replace the store's view.
import { correctionText } from './correctionText';
import { canonicalQuery, selectView, useViewStore, viewSchemaOptions } from './store';
import type { Lang, ViewState } from './types';
import { parseViewState, type Correction } from './urlSchema';

export interface UrlEnvironment {
  readonly history: Pick<History, 'pushState' | 'replaceState'>;
  readonly location: Pick<Location, 'search' | 'pathname' | 'hash'>;
  /** Subscribe to back/forward; returns the unsubscribe function. */
  onPopState(listener: () => void): () => void;
  now(): number;
  /** Language when the link names none. */
  readonly preferredLang: Lang;
}

export interface UrlSyncOptions {
  readonly coalesceMs?: number;
}

export const COALESCE_MS = 400;

export function browserLang(languages: readonly string[]): Lang {
  const first = languages.find((tag) => /^(en|zh)\b/i.test(tag));
  return first !== undefined && /^zh/i.test(first) ? 'zh' : 'en';
}

export function browserUrlEnvironment(): UrlEnvironment {
  return {
    history: window.history,
    location: window.location,
    onPopState(listener) {
      window.addEventListener('popstate', listener);
      return () => window.removeEventListener('popstate', listener);
    },
    now: () => performance.now(),
    preferredLang: browserLang(navigator.languages ?? [navigator.language]),
  };
}

/** Address of a view: path of the current page plus the canonical query (used by Share too). */
export function viewUrl(location: Pick<Location, 'pathname'>, view: ViewState): string {
  return `${location.pathname}?${canonicalQuery(view)}`;
}

function reportCorrections(corrections: readonly Correction[], lang: Lang): void {
  const { pushNotice } = useViewStore.getState();
  for (const c of corrections) pushNotice({ kind: 'warning', text: correctionText(c, lang) });
}

/** Starts mirroring; returns a function that stops it (tests, hot reload). */
export function startUrlSync(env: UrlEnvironment, options: UrlSyncOptions = {}): () => void {
  const coalesceMs = options.coalesceMs ?? COALESCE_MS;
  const store = useViewStore;

  const applyLocation = (): void => {
    const parsed = parseViewState(env.location.search, {
      ...viewSchemaOptions,
      fallbackLang: env.preferredLang,
    });
    applying = true;
    store.getState().replaceView(parsed.state);
    applying = false;
    written = canonicalQuery(selectView(store.getState()));
    reportCorrections(parsed.corrections, parsed.state.lang);
    if (`?${written}` !== env.location.search) {
      env.history.replaceState(null, '', `${env.location.pathname}?${written}${env.location.hash}`);
    }
    lastChangeAt = Number.NEGATIVE_INFINITY;
  };

  let applying = false;
  let written = '';
  let lastChangeAt = Number.NEGATIVE_INFINITY;
  let lastPlace = '';
  applyLocation();
  lastPlace = placeOf(selectView(store.getState()));

  const unsubscribeStore = store.subscribe((state) => {
    if (applying) return;
    const view = selectView(state);
    const query = canonicalQuery(view);
    if (query === written) return;
    const now = env.now();
    const place = placeOf(view);
    const url = `${env.location.pathname}?${query}`;
    if (place !== lastPlace || now - lastChangeAt >= coalesceMs) env.history.pushState(null, '', url);
    else env.history.replaceState(null, '', url);
    written = query;
    lastChangeAt = now;
    lastPlace = place;
  });

  const unsubscribePop = env.onPopState(() => {
    applyLocation();
    lastPlace = placeOf(selectView(store.getState()));
  });

  return () => {
    unsubscribeStore();
    unsubscribePop();
  };
}

/** Lesson and step: moving between them is navigation, which always gets its own history entry. */
function placeOf(view: ViewState): string {
  return `${view.lesson ?? ''}#${view.step}`;
}
