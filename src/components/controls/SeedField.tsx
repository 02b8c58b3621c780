// The seed of the input generator: type a number or draw a new one.
import { useId, useState } from 'react';
import { markInput } from '../latency/metrics';
import styles from './Controls.module.css';

export interface SeedFieldProps {
  readonly label: string;
  readonly newSeedLabel: string;
  readonly value: number;
  readonly max: number;
  readonly onChange: (value: number) => void;
  readonly testId?: string;
}

export function SeedField({ label, newSeedLabel, value, max, onChange, testId }: SeedFieldProps) {
  const id = useId();
  // The text being typed; the store only sees whole numbers in range.
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (text: string) => {
    const parsed = Number(text);
    setDraft(null);
    if (Number.isInteger(parsed) && parsed >= 0 && parsed <= max && parsed !== value) {
      markInput();
      onChange(parsed);
    }
  };
  return (
    <div className={styles.control}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <div className={styles.row}>
        <input
          id={id}
          className={styles.number}
          type="number"
          inputMode="numeric"
          min={0}
          max={max}
          step={1}
          value={draft ?? String(value)}
          data-testid={testId}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={(event) => commit(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit(event.currentTarget.value);
          }}
        />
        <button
          type="button"
          className="button"
          onClick={() => {
            markInput();
            onChange(Math.floor(Math.random() * max));
          }}
        >
          {newSeedLabel}
        </button>
      </div>
    </div>
  );
}
