// The lesson being shown, for the MDX components (<Step> needs its step ids).
import { createContext, useContext } from 'react';
import type { LessonDef } from '../../lessons/types';

export const LessonContext = createContext<LessonDef | null>(null);

export function useCurrentLesson(): LessonDef | null {
  return useContext(LessonContext);
}
