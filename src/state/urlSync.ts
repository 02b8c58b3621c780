// The URL mirrors the store. On start the link is parsed (corrections become
// notices) and rewritten to its canonical form; afterwards every store change
// writes the canonical query. One gesture makes one history entry: changes
// while the same pointer press is held (a slider drag, however slow or janky),
// and changes that follow each other within `coalesceMs` (arrow keys held on a
// slider), replace the entry the first of them pushed. Moving to another lesson
// or step always pushes. Back/forward (popstate) parse the URL again and replace
// the store's view.
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
  /** Number of the pointer press being held, or null when no pointer is down. */
  currentPress(): number | null;
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
  // Capture phase on window: every press counts, whatever element handles it.
  let press = 0;
  let held = false;
  window.addEventListener(
    'pointerdown',
    () => {
      press += 1;
      held = true;
    },
    { capture: true },
  );
  for (const type of ['pointerup', 'pointercancel'] as const) {
    window.addEventListener(
      type,
      () => {
        held = false;
      },
      { capture: true },
    );
  }
  return {
    currentPress: () => (held ? press : null),
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
  let lastPress: number | null = null;
  applyLocation();
  lastPlace = placeOf(selectView(store.getState()));

  const unsubscribeStore = store.subscribe((state) => {
    if (applying) return;
    const view = selectView(state);
    const query = canonicalQuery(view);
    if (query === written) return;
    const now = env.now();
    const place = placeOf(view);
    const press = env.currentPress();
    const url = `${env.location.pathname}?${query}`;
    // A new press, or a key change after a press or after a pause, starts a new gesture.
    const newGesture =
      press !== null ? press !== lastPress : lastPress !== null || now - lastChangeAt >= coalesceMs;
    if (place !== lastPlace || newGesture) env.history.pushState(null, '', url);
    else env.history.replaceState(null, '', url);
    written = query;
    lastChangeAt = now;
    lastPlace = place;
    lastPress = press;
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
