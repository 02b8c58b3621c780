// Look-ups over the open problems for the field map: by id, a theme's title,
// the lessons that exist in this build, the arrow-key moves between nodes,
// and the CSV the map exports.
import { OPEN_PROBLEMS, relatedTo, THEMES, type OpenProblem } from '../../content/openProblems/openProblems';
import type { NodePlace } from '../../content/openProblems/layout';
import { toCsv } from '../../components/export/csv';
import type { LessonId } from '../../state/types';
import { getLesson } from '../index';

export const byId = new Map(OPEN_PROBLEMS.map((p) => [p.id, p]));
export const themeTitle = new Map(THEMES.map((theme) => [theme.id, theme.title]));

/** The lessons of a problem that exist in this build, in its order. */
export function availableLessons(problem: OpenProblem): LessonId[] {
  return problem.lessons.filter((id) => getLesson(id) !== undefined);
}

/** Next node for an arrow key: along the theme's column, or to the same row of the neighbouring theme. */
export function moveFrom(nodes: readonly NodePlace[], current: string, key: string): string | null {
  const index = nodes.findIndex((n) => n.id === current);
  if (index < 0) return null;
  const node = nodes[index];
  const column = nodes.filter((n) => n.theme === node.theme);
  const row = column.indexOf(node);
  if (key === 'ArrowDown') return column[row + 1]?.id ?? nodes[(index + 1) % nodes.length].id;
  if (key === 'ArrowUp') return column[row - 1]?.id ?? nodes[(index - 1 + nodes.length) % nodes.length].id;
  if (key === 'Home') return nodes[0].id;
  if (key === 'End') return nodes[nodes.length - 1].id;
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    const themeIndex = THEMES.findIndex((t) => t.id === node.theme);
    const step = key === 'ArrowRight' ? 1 : -1;
    const next = THEMES[(themeIndex + step + THEMES.length) % THEMES.length];
    const target = nodes.filter((n) => n.theme === next.id);
    return target[Math.min(row, target.length - 1)]?.id ?? null;
  }
  return null;
}

export function problemsCsv(): string {
  return toCsv(
    ['id', 'theme', 'kind', 'title_en', 'title_zh', 'sources', 'lessons', 'related'],
    OPEN_PROBLEMS.map((p) => [
      p.id,
      p.theme,
      p.kind,
      p.title.en,
      p.title.zh,
      p.sources.map((s) => `${s.seed} ${s.heading}`).join('; '),
      p.lessons.join(' '),
      relatedTo(p.id)
        .map((r) => r.id)
        .join(' '),
    ]),
  );
}
