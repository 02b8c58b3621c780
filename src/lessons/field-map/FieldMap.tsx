// The map of the field: the seeds' open problems and directions as a graph
// (themes as boxes, related problems joined), with a fixed layout. Pointing at
// or focusing a node shows its text in both languages, the seed sections it
// comes from and its lessons; a click or Enter opens the lesson that shows it.
// Keyboard: one node is in the tab order (roving tabindex); arrows move along
// a theme (up/down) and across themes (left/right), Home/End jump. A list below
// holds the same content for readers who prefer text.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { distancesFrom, MAP_DIAMETER, OPEN_PROBLEMS, THEMES } from '../../content/openProblems/openProblems';
import { layoutMap } from '../../content/openProblems/layout';
import { useViewStore } from '../../state/store';
import { Slider } from '../../components/controls/Slider';
import { ExportButtons } from '../../components/export/ExportButtons';
import { useT } from '../../i18n';
import styles from './FieldMap.module.css';
import { MapLegend } from './MapLegend';
import { MapNode } from './MapNode';
import { ProblemDetail } from './ProblemDetail';
import { availableLessons, byId, moveFrom, problemsCsv, themeTitle } from './problemIndex';
import { ProblemList } from './ProblemList';

const HOVER_DELAY_MS = 220;

/**
 * Hover intent: the pointer must rest on a node for a moment before it is selected, so
 * moving across the map to the panel below does not select every node on the way.
 */
function useHoverSelect(select: (id: string) => void) {
  const hoverTimer = useRef<number | null>(null);
  const cancelHover = () => {
    if (hoverTimer.current !== null) window.clearTimeout(hoverTimer.current);
    hoverTimer.current = null;
  };
  const hoverSelect = (id: string) => {
    cancelHover();
    hoverTimer.current = window.setTimeout(() => select(id), HOVER_DELAY_MS);
  };
  useEffect(() => cancelHover, []);
  return { hoverSelect, cancelHover };
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
  const { hoverSelect, cancelHover } = useHoverSelect(setSelected);
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
      <MapLegend />
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
            return (
              <MapNode
                key={node.id}
                node={node}
                problem={p}
                isSelected={node.id === selected}
                inReach={within(node.id)}
                nodeRef={(element) => {
                  if (element) nodeRefs.current.set(node.id, element);
                  else nodeRefs.current.delete(node.id);
                }}
                onMouseEnter={() => hoverSelect(node.id)}
                onMouseLeave={cancelHover}
                onFocus={() => setSelected(node.id)}
                onClick={() => open(node.id)}
                onKeyDown={(event) => onKeyDown(event, node.id)}
              />
            );
          })}
        </svg>
      </div>
      <ExportButtons
        fileStem={t('fieldMap.export')}
        svgRef={svgRef}
        csv={problemsCsv}
        json={() => ({ themes: THEMES, problems: OPEN_PROBLEMS })}
        testId="field-map-export"
      />
      <ProblemDetail problem={problem} onSelect={setSelected} />
      <ProblemList />
    </div>
  );
}
