// What the view state knows of the lessons of this build: each lesson's steps
// (with the control values a step sets) and the largest n its lab computes. The
// app registers the lessons when it starts (main.tsx), so that state never
// imports lessons: the flow runs URL ⇄ store → lesson → engine → views.
import type { LessonId, ViewState } from './types';

export interface CatalogLesson {
  readonly steps: readonly { readonly defaults?: Partial<ViewState> }[];
  /** The largest n the lesson's lab computes (its meta.ts); links above it are clamped. */
  readonly maxN?: number;
}

export type LessonLookup = (id: LessonId) => CatalogLesson | undefined;

let lookup: LessonLookup = () => undefined;

/** Makes the lessons of this build known to the view state (the app does it before parsing any link). */
export function registerLessons(find: LessonLookup): void {
  lookup = find;
}

/** A registered lesson, or undefined (null: the course map). */
export function catalogLesson(id: LessonId | null): CatalogLesson | undefined {
  return id === null ? undefined : lookup(id);
}

// Stable functions (the URL schema caches its schemas by their identity).
export const lessonStepCount = (id: LessonId): number | undefined => lookup(id)?.steps.length;
export const lessonStepDefaults = (id: LessonId, step: number): Partial<ViewState> | undefined =>
  lookup(id)?.steps[step]?.defaults;
export const lessonMaxN = (id: LessonId): number | undefined => lookup(id)?.maxN;
