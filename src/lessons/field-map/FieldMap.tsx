// The map of the field: the seeds' open problems and directions as a graph
// (themes as boxes, related problems joined), with a fixed layout. Pointing at
// or focusing a node shows its text in both languages, the seed sections it
// comes from and its lessons; a click or Enter opens the lesson that shows it.
// Keyboard: one node is in the tab order (roving tabindex); arrows move along
// a theme (up/down) and across themes (left/right), Home/End jump. A list below
// holds the same content for readers who prefer text.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  distancesFrom,
  MAP_DIAMETER,
  OPEN_PROBLEMS,
  relatedTo,
  THEMES,
  type OpenProblem,
} from '../../content/openProblems/openProblems';
import { BOX_WIDTH, LABEL_GAP, layoutMap, type NodePlace } from '../../content/openProblems/layout';
import { getLesson } from '../index';
import { useViewStore } from '../../state/store';
import type { Lang, LessonId } from '../../state/types';
import { Slider } from '../../components/controls/Slider';
import { toCsv } from '../../components/export/csv';
import { ExportButtons } from '../../components/export/ExportButtons';
import { useT } from '../../components/i18n';
import { useStepLink } from '../../components/hooks/useViewHref';
import styles from './FieldMap.module.css';

const byId = new Map(OPEN_PROBLEMS.map((p) => [p.id, p]));
const HOVER_DELAY_MS = 220;
const themeTitle = new Map(THEMES.map((theme) => [theme.id, theme.title]));

/** The lessons of a problem that exist in this build, in its order. */
function availableLessons(problem: OpenProblem): LessonId[] {
  return problem.lessons.filter((id) => getLesson(id) !== undefined);
}

function LessonLink({ id }: { readonly id: LessonId }) {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  const link = useStepLink(id, 0);
  const lesson = getLesson(id);
  if (!lesson) return null;
  return (
    <a {...link} data-lesson-link={id}>
      {t('fieldMap.detail.lessonLink', { number: lesson.number, title: lesson.title[lang] })}
    </a>
  );
}

function Sources({ problem }: { readonly problem: OpenProblem }) {
  const t = useT();
  return (
    <ul className={styles.sources}>
      {problem.sources.map((s) => (
        <li key={`${s.seed}:${s.heading}`}>
          {t('fieldMap.detail.source', { seed: s.seed })} ·{' '}
          <span lang="zh-Hans" className={styles.heading}>
            {s.heading}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Detail({ problem, onSelect }: { readonly problem: OpenProblem; onSelect(id: string): void }) {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const tag = (l: Lang) => (l === 'zh' ? 'zh-Hans' : 'en');
  const lessons = availableLessons(problem);
  const related = relatedTo(problem.id);
  return (
    <section className={styles.detail} aria-label={t('fieldMap.detail.label')} data-testid="field-detail">
      <p className={styles.eyebrow}>
        {themeTitle.get(problem.theme)?.[lang]} · {t(`fieldMap.kind.${problem.kind}`)}
      </p>
      <h3 className={styles.detailTitle} lang={tag(lang)} data-testid="field-detail-title">
        {problem.title[lang]}
      </h3>
      <p lang={tag(lang)}>{problem.text[lang]}</p>
      <p className={styles.otherTitle} lang={tag(other)}>
        {problem.title[other]}
      </p>
      <p className={styles.otherText} lang={tag(other)}>
        {problem.text[other]}
      </p>
      <h4 className={styles.subhead}>{t('fieldMap.detail.sources')}</h4>
      <Sources problem={problem} />
      {lessons.length > 0 && (
        <>
          <h4 className={styles.subhead}>{t('fieldMap.detail.lessons')}</h4>
          <ul className={styles.inline}>
            {lessons.map((id) => (
              <li key={id}>
                <LessonLink id={id} />
              </li>
            ))}
          </ul>
        </>
      )}
      {related.length > 0 && (
        <>
          <h4 className={styles.subhead}>{t('fieldMap.detail.related')}</h4>
          <ul className={styles.inline}>
            {related.map((r) => (
              <li key={r.id}>
                <button type="button" className={styles.chip} onClick={() => onSelect(r.id)}>
                  {r.title[lang]}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Next node for an arrow key: along the theme's column, or to the same row of the neighbouring theme. */
function moveFrom(nodes: readonly NodePlace[], current: string, key: string): string | null {
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

export function FieldMap() {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  const goToStep = useViewStore((state) => state.goToStep);
  const layout = useMemo(() => layoutMap(lang), [lang]);
  const [selected, setSelected] = useState<string>(OPEN_PROBLEMS[0].id);
  const svgRef = useRef<SVGSVGElement>(null);
  const nodeRefs = useRef(new Map<string, SVGGElement>());
  const problem = byId.get(selected) ?? OPEN_PROBLEMS[0];
  // Hover intent: the pointer must rest on a node for a moment before it is selected, so
  // moving across the map to the panel below does not select every node on the way.
  const hoverTimer = useRef<number | null>(null);
  const cancelHover = () => {
    if (hoverTimer.current !== null) window.clearTimeout(hoverTimer.current);
    hoverTimer.current = null;
  };
  const hoverSelect = (id: string) => {
    cancelHover();
    hoverTimer.current = window.setTimeout(() => setSelected(id), HOVER_DELAY_MS);
  };
  useEffect(() => cancelHover, []);
  // How many relations away from the selected problem the map highlights (transient, not in the URL).
  const [reach, setReach] = useState(1);
  const distance = useMemo(() => distancesFrom(selected), [selected]);
  const within = (id: string) => (distance.get(id) ?? Infinity) <= reach;
  const reached = OPEN_PROBLEMS.filter((p) => p.id !== selected && within(p.id)).length;

  const open = (id: string) => {
    const target = byId.get(id);
    const lesson = target ? availableLessons(target)[0] : undefined;
    if (lesson !== undefined) goToStep(lesson, 0);
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>, id: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(id);
      return;
    }
    const next = moveFrom(layout.nodes, id, event.key);
    if (next !== null) {
      event.preventDefault();
      setSelected(next);
      nodeRefs.current.get(next)?.focus();
    }
  };

  const csv = () =>
    toCsv(
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

  return (
    <div className={styles.root}>
      <p className={styles.hint}>{t('fieldMap.map.hint')}</p>
      <div className={styles.reach}>
        <Slider
          label={t('fieldMap.reach.label')}
          value={reach}
          min={0}
          max={MAP_DIAMETER}
          step={1}
          onChange={setReach}
          format={(k) => String(k)}
          hint={t('fieldMap.reach.hint', { count: reached, title: problem.title[lang] })}
          testId="field-reach"
        />
      </div>
      <div className={styles.legend} aria-hidden="true">
        <span>
          <svg width="14" height="14" viewBox="0 0 14 14">
            <circle cx="7" cy="7" r="5.5" className={styles.dotProblem} />
          </svg>
          {t('fieldMap.legend.problem')}
        </span>
        <span>
          <svg width="14" height="14" viewBox="0 0 14 14">
            <rect x="1.5" y="1.5" width="11" height="11" rx="2" className={styles.dotDirection} />
          </svg>
          {t('fieldMap.legend.direction')}
        </span>
        <span>
          <svg width="22" height="10" viewBox="0 0 22 10">
            <path d="M1,5 L21,5" className={styles.edgeSample} />
          </svg>
          {t('fieldMap.legend.edge')}
        </span>
      </div>
      <div className={styles.scroller}>
        <svg
          ref={svgRef}
          className={styles.svg}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-label={t('fieldMap.map.label', { count: OPEN_PROBLEMS.length })}
          data-testid="field-map"
        >
          {layout.boxes.map((box) => (
            <g key={box.id} aria-hidden="true">
              <rect
                x={box.x + 4}
                y={box.y + 4}
                width={box.width - 8}
                height={box.height - 8}
                rx="10"
                className={styles.box}
              />
              <text x={box.x + 16} y={box.y + 25} className={styles.boxTitle}>
                {themeTitle.get(box.id)?.[lang]}
              </text>
            </g>
          ))}
          <g aria-hidden="true">
            {layout.edges.map((edge) => {
              // On a shortest path out from the selected problem, within the reach.
              const [a, b] = [distance.get(edge.from) ?? Infinity, distance.get(edge.to) ?? Infinity];
              const active = Math.abs(a - b) === 1 && Math.max(a, b) <= reach;
              return (
                <path
                  key={`${edge.from}-${edge.to}`}
                  d={edge.d}
                  className={active ? styles.edgeActive : styles.edge}
                  data-edge={`${edge.from}|${edge.to}`}
                />
              );
            })}
          </g>
          {layout.nodes.map((node) => {
            const p = byId.get(node.id);
            if (!p) return null;
            const lesson = getLesson(availableLessons(p)[0] ?? null);
            const kind = t(`fieldMap.kind.${p.kind}`);
            const theme = themeTitle.get(p.theme)?.[lang] ?? '';
            const label = lesson
              ? t('fieldMap.map.node', {
                  title: p.title[lang],
                  kind,
                  theme,
                  number: lesson.number,
                  lesson: lesson.title[lang],
                })
              : t('fieldMap.map.nodeNoLesson', { title: p.title[lang], kind, theme });
            const isSelected = node.id === selected;
            const inReach = within(node.id);
            const className = [
              styles.node,
              isSelected ? styles.selected : '',
              inReach && !isSelected ? styles.neighbour : '',
              inReach ? '' : styles.outside,
            ].join(' ');
            return (
              <g
                key={node.id}
                ref={(element) => {
                  if (element) nodeRefs.current.set(node.id, element);
                  else nodeRefs.current.delete(node.id);
                }}
                className={className}
                role="link"
                tabIndex={isSelected ? 0 : -1}
                aria-label={label}
                data-problem={node.id}
                data-in-reach={inReach ? 'true' : 'false'}
                data-lesson={lesson?.id}
                onMouseEnter={() => hoverSelect(node.id)}
                onMouseLeave={cancelHover}
                onFocus={() => setSelected(node.id)}
                onClick={() => open(node.id)}
                onKeyDown={(event) => onKeyDown(event, node.id)}
              >
                <rect
                  x={node.x - 12}
                  y={node.y - 13}
                  width={BOX_WIDTH - 36}
                  height={node.lines.length * 15 + 11}
                  rx="6"
                  className={styles.hit}
                />
                {p.kind === 'problem' ? (
                  <circle cx={node.x} cy={node.y} r="6.5" className={styles.dotProblem} />
                ) : (
                  <rect
                    x={node.x - 6}
                    y={node.y - 6}
                    width="12"
                    height="12"
                    rx="2"
                    className={styles.dotDirection}
                  />
                )}
                <text x={node.x + LABEL_GAP} y={node.y + 4.5} className={styles.label}>
                  {node.lines.map((line, i) => (
                    <tspan key={i} x={node.x + LABEL_GAP} dy={i === 0 ? 0 : 15}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <ExportButtons
        fileStem={t('fieldMap.export')}
        svgRef={svgRef}
        csv={csv}
        json={() => ({ themes: THEMES, problems: OPEN_PROBLEMS })}
        testId="field-map-export"
      />
      <Detail problem={problem} onSelect={setSelected} />
      <details className={styles.list} data-testid="field-list">
        <summary>{t('fieldMap.list.summary')}</summary>
        {THEMES.map((theme) => (
          <section key={theme.id}>
            <h3 className={styles.subhead}>{theme.title[lang]}</h3>
            <ul>
              {OPEN_PROBLEMS.filter((p) => p.theme === theme.id).map((p) => (
                <li key={p.id} className={styles.listItem}>
                  <strong>{p.title[lang]}</strong> ({t(`fieldMap.kind.${p.kind}`)}). {p.text[lang]}
                  <Sources problem={p} />
                  <ul className={styles.inline}>
                    {availableLessons(p).map((id) => (
                      <li key={id}>
                        <LessonLink id={id} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </details>
    </div>
  );
}
