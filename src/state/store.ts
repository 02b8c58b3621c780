// The single source of truth of the view. Every write goes through the URL
// schema (clamped to LIMITS), so whatever a lab or a link asks for, the store
// holds a valid ViewState. The URL mirrors the store (see urlSync.ts).
import { create } from 'zustand';
import { catalogLesson, lessonMaxN, lessonStepCount, lessonStepDefaults } from './lessonCatalog';
import type { LessonId, ViewState } from './types';
import { DEFAULT_VIEW, normalizeViewState, serializeViewState, type Correction } from './urlSchema';

export type NoticeKind = 'info' | 'warning' | 'error';

export interface Notice {
  readonly id: string;
  readonly kind: NoticeKind;
  /** Plain text (rendered as text, never HTML). */
  readonly text: string;
}

export interface ViewActions {
  /** Merge a patch, validated and clamped through the schema. Returns what had to be corrected. */
  setView(patch: Partial<ViewState>): readonly Correction[];
  /** Go to a step (null lesson = course map), applying that step's control defaults from the lesson meta. */
  goToStep(lesson: LessonId | null, step: number): void;
  /** Replace the whole view (URL sync: a parsed link or back/forward). */
  replaceView(view: ViewState): void;
  /** Show a notice; a notice with the same text as a visible one is not repeated. Returns its id. */
  pushNotice(notice: { kind: NoticeKind; text: string; id?: string }): string;
  dismissNotice(id: string): void;
}

export type ViewStore = ViewState & { readonly notices: readonly Notice[] } & ViewActions;

const VIEW_KEYS = Object.keys(DEFAULT_VIEW) as (keyof ViewState)[];
const SCHEMA_OPTIONS = {
  lessonSteps: lessonStepCount,
  stepDefaults: lessonStepDefaults,
  lessonMaxN,
} as const;

/** The ViewState part of the store (no notices, no actions). */
export function selectView(store: ViewState): ViewState {
  const view: Record<string, unknown> = {};
  for (const key of VIEW_KEYS) view[key] = store[key];
  return view as unknown as ViewState;
}

/**
 * The view after navigating to a step: that step's control defaults from the lesson
 * meta applied over the current controls (null lesson or one not in the build: course map).
 * Also gives the href of step links, so they open the same view in a new tab.
 */
export function viewForStep(current: ViewState, lesson: LessonId | null, step: number): ViewState {
  const def = catalogLesson(lesson);
  if (lesson === null || def === undefined) {
    return normalizeViewState({ ...current, lesson: null, step: 0 }, SCHEMA_OPTIONS).state;
  }
  const index = Math.max(0, Math.min(def.steps.length - 1, Math.trunc(step)));
  const defaults = def.steps[index].defaults ?? {};
  return normalizeViewState({ ...current, ...defaults, lesson, step: index }, SCHEMA_OPTIONS).state;
}

let nextNoticeId = 1;

export const useViewStore = create<ViewStore>()((set, get) => ({
  ...DEFAULT_VIEW,
  notices: [],

  setView(patch) {
    const merged: ViewState = { ...selectView(get()), ...patch };
    const { state, corrections } = normalizeViewState(merged, SCHEMA_OPTIONS);
    set(state);
    return corrections;
  },

  goToStep(lesson, step) {
    set(viewForStep(selectView(get()), lesson, step));
  },

  replaceView(view) {
    set(normalizeViewState(view, SCHEMA_OPTIONS).state);
  },

  pushNotice({ kind, text, id }) {
    const existing = get().notices.find(
      (notice) => notice.text === text || (id !== undefined && notice.id === id),
    );
    if (existing !== undefined) {
      if (existing.text !== text || existing.kind !== kind) {
        set({ notices: get().notices.map((n) => (n.id === existing.id ? { id: n.id, kind, text } : n)) });
      }
      return existing.id;
    }
    const noticeId = id ?? `notice-${nextNoticeId++}`;
    set({ notices: [...get().notices, { id: noticeId, kind, text }] });
    return noticeId;
  },

  dismissNotice(id) {
    set({ notices: get().notices.filter((notice) => notice.id !== id) });
  },
}));

/** Parse options the app uses everywhere (lessons of this build, their step defaults and n caps). */
export const viewSchemaOptions = SCHEMA_OPTIONS;

/** The canonical query (no '?') of a view: what the URL, Share and every in-app link write. */
export function canonicalQuery(view: ViewState): string {
  return serializeViewState(view, SCHEMA_OPTIONS);
}
