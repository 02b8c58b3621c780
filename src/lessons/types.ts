// A lesson is data: metadata and steps here, prose in one MDX file per
// language beside it, the interactive part in its Lab component.
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Bilingual, LessonId, ViewState } from '../state/types';

export type { Bilingual };

/** A section of the survey (seeds/) that the lesson mirrors. */
export interface SurveyRef {
  /** Seed file prefix, e.g. '001'. */
  readonly seed: '000' | '001' | '002' | '003';
  /** The heading as the seed writes it (Chinese). */
  readonly heading: string;
}

export interface LessonStep {
  /** Stable id used in prose (<Step id="...">) and for deep links. */
  readonly id: string;
  readonly title: Bilingual;
  /** Control values the step sets when the reader arrives by navigation (not by a link). */
  readonly defaults?: Partial<ViewState>;
}

/** MDX module of one language: its default export renders every step; <Step id> shows the current one. */
export type ProseModule = { default: ComponentType<{ components?: Record<string, ComponentType<never>> }> };

export interface LessonDef {
  readonly id: LessonId;
  /** Number in DESIGN.md's lesson table (1-based). */
  readonly number: number;
  readonly title: Bilingual;
  readonly summary: Bilingual;
  readonly survey: readonly SurveyRef[];
  readonly steps: readonly LessonStep[];
  /**
   * The largest n this lesson's lab computes (a float64 analysis or a sweep that
   * would freeze the page beyond it). Links above it open at it, with a notice
   * (the URL schema enforces it), and the lab's n slider stops there.
   */
  readonly maxN?: number;
  readonly prose: { readonly en: () => Promise<ProseModule>; readonly zh: () => Promise<ProseModule> };
  readonly Lab: LazyExoticComponent<ComponentType>;
}
