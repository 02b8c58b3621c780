// The numbers a lab prints, each with a stable data-testid (e2e tests compare
// them with the engine) and published under the same name for the prose's
// <Value name="..."/>.
import { useEffect } from 'react';
import { clearValue, publishValue } from '../live-values/liveValues';
import styles from './Lab.module.css';

export interface ReadoutItem {
  /** Stable name: data-testid and live-value name. */
  readonly name: string;
  readonly label: string;
  /** Printed text, or null while it computes. */
  readonly text: string | null;
  /** The unformatted number (data-value), so tests need not parse text. */
  readonly value?: number;
  /** A second, smaller line (units, how it was measured). */
  readonly detail?: string;
}

export function Readout({
  items,
  computingText,
}: {
  readonly items: readonly ReadoutItem[];
  readonly computingText: string;
}) {
  const published = items.map((item) => `${item.name}\u0000${item.text ?? ''}`).join('\u0001');
  useEffect(() => {
    for (const item of items) {
      if (item.text !== null) publishValue(item.name, item.text);
    }
    // Re-run only when a printed text changes, not on every new items array.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [published]);
  const names = items.map((item) => item.name).join('\u0001');
  useEffect(() => () => names.split('\u0001').forEach(clearValue), [names]);
  return (
    <dl className={styles.readout}>
      {items.map((item) => (
        <div key={item.name} className={styles.readoutItem}>
          <dt>{item.label}</dt>
          <dd data-testid={item.name} data-value={item.value !== undefined ? String(item.value) : undefined}>
            {item.text ?? computingText}
            {item.detail && <span className={styles.readoutDetail}>{item.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
