// A choice among a few options as a row of pills: a radio group underneath,
// so arrow keys move the choice and screen readers announce "n of m".
import { useId } from 'react';
import { markInput } from '../latency/metrics';
import styles from './Controls.module.css';

export interface SegmentedOption<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly disabled?: boolean;
}

export interface SegmentedProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly SegmentedOption<T>[];
  readonly onChange: (value: T) => void;
  readonly testId?: string;
}

export function Segmented<T extends string>({ label, value, options, onChange, testId }: SegmentedProps<T>) {
  const name = useId();
  return (
    <fieldset className={styles.segmented} data-testid={testId}>
      <legend>{label}</legend>
      <div className={styles.options}>
        {options.map((option) => (
          <label key={option.value} className={styles.option}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              disabled={option.disabled}
              onChange={() => {
                markInput();
                onChange(option.value);
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
