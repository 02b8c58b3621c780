// A fixed layout of the field map: themes in a 2-column grid of boxes (it fits the lab column), each
// box a column of problems, labels wrapped to the box. Pure and deterministic
// (no force simulation, no random jitter): the same data gives the same
// picture on every load, in both languages.
import type { Lang } from '../../state/types';
import { OPEN_PROBLEMS, RELATED, THEMES, type ThemeId } from './openProblems';

export const MAP_WIDTH = 600;
const COLUMNS = 2;
export const BOX_WIDTH = MAP_WIDTH / COLUMNS;
const HEADER = 38;
const ROW_STEP = 42;
const BOX_PAD = 10;
/** Dot position inside a box, from its left edge. */
const DOT_X = 28;
export const LABEL_GAP = 14;

export interface ThemeBox {
  readonly id: ThemeId;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface NodePlace {
  readonly id: string;
  readonly theme: ThemeId;
  readonly x: number;
  readonly y: number;
  /** The title, wrapped to the box. */
  readonly lines: readonly string[];
}

export interface EdgePlace {
  readonly from: string;
  readonly to: string;
  /** SVG path data. */
  readonly d: string;
}

export interface MapLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly ThemeBox[];
  readonly nodes: readonly NodePlace[];
  readonly edges: readonly EdgePlace[];
}

/** Splits a title into lines of at most `max` characters (words for English, characters for Chinese). */
export function wrapTitle(title: string, lang: Lang, max = lang === 'zh' ? 14 : 28): string[] {
  if (lang === 'zh') {
    // Balanced lines (8 + 7 rather than 14 + 1), never breaking a Latin word such as "Softmax":
    // a Chinese character counts 1, a Latin letter about half of one.
    const tokens = title.match(/[A-Za-z0-9-]+|\s+|./gu) ?? [];
    const width = (token: string) => (/^[ -~]+$/.test(token) ? token.length * 0.55 : token.length);
    const total = tokens.reduce((sum, token) => sum + width(token), 0);
    const target = total / Math.ceil(total / max);
    const lines: string[] = [];
    let line = '';
    let used = 0;
    for (const token of tokens) {
      const w = width(token);
      if (line !== '' && used + w > target + 0.5) {
        lines.push(line.trim());
        line = '';
        used = 0;
      }
      line += token;
      used += w;
    }
    if (line.trim() !== '') lines.push(line.trim());
    return lines;
  }
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function edgePath(a: NodePlace, b: NodePlace): string {
  if (a.x === b.x) {
    // Same column: an arc bulging to the left of the dots, so it never runs over a label.
    const bulge = Math.min(14 + Math.abs(b.y - a.y) * 0.22, 2 * (a.x - 4));
    return `M${a.x},${a.y} Q${a.x - bulge},${(a.y + b.y) / 2} ${b.x},${b.y}`;
  }
  const mid = (a.x + b.x) / 2;
  return `M${a.x},${a.y} C${mid},${a.y} ${mid},${b.y} ${b.x},${b.y}`;
}

export function layoutMap(lang: Lang): MapLayout {
  const counts = THEMES.map((theme) => OPEN_PROBLEMS.filter((p) => p.theme === theme.id).length);
  const rows = Math.ceil(THEMES.length / COLUMNS);
  const rowHeights = Array.from({ length: rows }, (_, r) =>
    Math.max(...counts.slice(r * COLUMNS, (r + 1) * COLUMNS).map((c) => HEADER + c * ROW_STEP + BOX_PAD)),
  );
  const rowTops = rowHeights.map((_, r) => rowHeights.slice(0, r).reduce((sum, h) => sum + h, 0));
  const boxes: ThemeBox[] = THEMES.map((theme, i) => {
    const r = Math.floor(i / COLUMNS);
    return {
      id: theme.id,
      x: (i % COLUMNS) * BOX_WIDTH,
      y: rowTops[r],
      width: BOX_WIDTH,
      height: rowHeights[r],
    };
  });
  const nodes: NodePlace[] = [];
  for (const box of boxes) {
    OPEN_PROBLEMS.filter((p) => p.theme === box.id).forEach((problem, k) => {
      nodes.push({
        id: problem.id,
        theme: box.id,
        x: box.x + DOT_X,
        y: box.y + HEADER + k * ROW_STEP + ROW_STEP / 2 - 8,
        lines: wrapTitle(problem.title[lang], lang),
      });
    });
  }
  const at = new Map(nodes.map((n) => [n.id, n]));
  const edges: EdgePlace[] = RELATED.map(([from, to]) => {
    const a = at.get(from);
    const b = at.get(to);
    if (!a || !b) throw new Error(`unknown problem in edge ${from}–${to}`);
    return { from, to, d: edgePath(a, b) };
  });
  const height = rowHeights.reduce((sum, h) => sum + h, 0);
  return { width: MAP_WIDTH, height, boxes, nodes, edges };
}
