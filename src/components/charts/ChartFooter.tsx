// The two pieces under every chart: the colour legend, and the folded table of
// the plotted numbers (the chart's text alternative for screen readers and for
// anyone who wants the values). Charts pass cells already formatted.
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import type { Theme } from '../heatmap/colorMaps';
import { seriesColor } from './palette';
import styles from './Chart.module.css';

export interface LegendItem {
  readonly key: string;
  readonly color: string;
  readonly label: ReactNode;
  readonly dashed?: boolean;
}

/** Legend items for series drawn in palette order (series k in seriesColor(k)). */
export function paletteLegend(
  series: readonly { readonly id: string; readonly label: string; readonly dashed?: boolean }[],
  theme: Theme,
): LegendItem[] {
  return series.map((s, index) => ({
    key: s.id,
    color: seriesColor(index, theme),
    label: s.label,
    dashed: s.dashed,
  }));
}

export function ChartLegend({ items }: { readonly items: readonly LegendItem[] }) {
  return (
    <ul className={styles.legend}>
      {items.map((item) => (
        <li key={item.key} style={{ color: item.color }}>
          <span className={`${styles.swatch} ${item.dashed ? styles.dashed : ''}`} />
          <span style={{ color: 'var(--text)' }}>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

export interface NumbersRow {
  readonly key: string | number;
  readonly cells: readonly ReactNode[];
}

export interface NumbersTableProps {
  /** Column headers, first column first. */
  readonly columns: readonly ReactNode[];
  readonly rows: readonly NumbersRow[];
  /** Shown above the table inside the folded section (e.g. the marks of a chart). */
  readonly before?: ReactNode;
  readonly testId?: string;
}

/** "Show the numbers": a folded, horizontally scrollable table of what the chart plots. */
export function NumbersTable({ columns, rows, before, testId }: NumbersTableProps) {
  const t = useT();
  return (
    <details className={styles.details}>
      <summary>{t('chart.showNumbers')}</summary>
      {before}
      <div className={styles.scroll}>
        <table className={styles.table} data-testid={testId}>
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) => (
                  <td key={index}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
