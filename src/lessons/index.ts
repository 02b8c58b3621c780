// The lesson registry: assembles each LessonDef from its folder (meta.ts, en.mdx,
// zh.mdx, Lab.tsx). Folders are discovered with import.meta.glob, so a lesson
// appears as soon as all four files exist; metadata loads eagerly (the course
// map needs it), prose and labs load when a lesson opens.
import { lazy, type ComponentType } from 'react';
import { LESSON_IDS, type LessonId, type ViewState } from '../state/types';
import type { LessonDef, ProseModule } from './types';

export type LessonMeta = Omit<LessonDef, 'Lab' | 'prose'>;

const metaModules = import.meta.glob<{ meta: LessonMeta }>('./*/meta.ts', { eager: true });
const enProse = import.meta.glob<ProseModule>('./*/en.mdx');
const zhProse = import.meta.glob<ProseModule>('./*/zh.mdx');
const labModules = import.meta.glob<{ default: ComponentType }>('./*/Lab.tsx');

function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Lesson folders with metadata but some file still missing (shown nowhere; listed for developers). */
export interface IncompleteLesson {
  readonly id: string;
  readonly missing: readonly string[];
}

function isLessonId(id: string): id is LessonId {
  return (LESSON_IDS as readonly string[]).includes(id);
}

type Loader<T> = () => Promise<T>;

/** The files found in the lesson folders, keyed by path relative to this file ('./rnn/meta.ts'). */
export interface LessonFiles {
  readonly metas: Readonly<Record<string, { meta: LessonMeta }>>;
  readonly en: Readonly<Record<string, Loader<ProseModule>>>;
  readonly zh: Readonly<Record<string, Loader<ProseModule>>>;
  readonly labs: Readonly<Record<string, Loader<{ default: ComponentType }>>>;
}

/** Builds the registry from the folder contents: complete lessons in course order, the rest listed as incomplete. */
export function assembleLessons(files: LessonFiles): {
  lessons: LessonDef[];
  incomplete: IncompleteLesson[];
} {
  const lessons: LessonDef[] = [];
  const incomplete: IncompleteLesson[] = [];
  for (const [path, module] of Object.entries(files.metas)) {
    const folder = path.slice(2, -'/meta.ts'.length);
    const { meta } = module;
    const loadEn = lookup(files.en, `./${folder}/en.mdx`);
    const loadZh = lookup(files.zh, `./${folder}/zh.mdx`);
    const loadLab = lookup(files.labs, `./${folder}/Lab.tsx`);
    const missing = [
      ...(meta.id === folder && isLessonId(folder) ? [] : [`meta.id "${meta.id}" ≠ folder`]),
      ...(loadEn ? [] : ['en.mdx']),
      ...(loadZh ? [] : ['zh.mdx']),
      ...(loadLab ? [] : ['Lab.tsx']),
      ...(meta.steps.length > 0 ? [] : ['steps']),
    ];
    if (missing.length > 0 || !loadEn || !loadZh || !loadLab) {
      incomplete.push({ id: folder, missing });
      continue;
    }
    lessons.push({ ...meta, prose: { en: loadEn, zh: loadZh }, Lab: lazy(loadLab) });
  }
  lessons.sort((a, b) => a.number - b.number);
  return { lessons, incomplete };
}

/** Metadata of every lesson folder, complete or not (tests check it against the URL schema). */
export const lessonMetas: readonly LessonMeta[] = Object.values(metaModules).map((module) => module.meta);

const assembled = assembleLessons({ metas: metaModules, en: enProse, zh: zhProse, labs: labModules });

/** Lessons available in this build, in course order. */
export const lessons: readonly LessonDef[] = assembled.lessons;
export const incompleteLessons: readonly IncompleteLesson[] = assembled.incomplete;

if (import.meta.env.DEV && incompleteLessons.length > 0) {
  // Developers see why a lesson folder is missing from the course map.
  console.warn(
    'Lessons left out of this build:',
    incompleteLessons.map((lesson) => `${lesson.id} (missing ${lesson.missing.join(', ')})`).join('; '),
  );
}

const byId = new Map<LessonId, LessonDef>(lessons.map((lesson) => [lesson.id, lesson]));

export function getLesson(id: LessonId | null): LessonDef | undefined {
  return id === null ? undefined : byId.get(id);
}

/** Number of steps, or undefined when the lesson is not in this build (the URL schema's `lessonSteps`). */
export function lessonStepCount(id: LessonId): number | undefined {
  return byId.get(id)?.steps.length;
}

/** Control values a step sets (its meta defaults), or undefined (the URL schema's `stepDefaults`). */
export function lessonStepDefaults(id: LessonId, step: number): Partial<ViewState> | undefined {
  return byId.get(id)?.steps[step]?.defaults;
}

/** The lesson before/after `id` in course order. */
export function neighbourLesson(id: LessonId, offset: -1 | 1): LessonDef | undefined {
  const index = lessons.findIndex((lesson) => lesson.id === id);
  return index < 0 ? undefined : lessons[index + offset];
}

/** Index of the step with this id, or -1 (used by <Step id> in the prose). */
export function stepIndex(lesson: LessonDef, stepId: string): number {
  return lesson.steps.findIndex((step) => step.id === stepId);
}
