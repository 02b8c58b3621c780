// A labelled range slider that shows its value. Either continuous (min, max,
// step) or over a list of allowed values (e.g. a log ladder of n). Each input
// calls onChange; the store coalesces a drag into one history entry.
import { useId, type ChangeEvent } from 'react';
import { markInput } from '../latency/metrics';
import { nearestIndex, stepDecimals } from './sliderScale';
import styles from './Controls.module.css';

export interface SliderProps {
  readonly label: string;
  readonly value: number;
  readonly onChange: (value: number) => void;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  /** Allowed values, ascending: the slider moves over them. */
  readonly values?: readonly number[];
  readonly format?: (value: number) => string;
  /** A short line under the slider (units, what the value does). */
  readonly hint?: string;
  readonly disabled?: boolean;
  /** data-testid of the <input>. */
  readonly testId?: string;
}

export function Slider({
  label,
  value,
  onChange,
  min = 0,
  max = 1,
  step = 1,
  values,
  format,
  hint,
  disabled,
  testId,
}: SliderProps) {
  const id = useId();
  const hintId = useId();
  const text = format ? format(value) : value.toFixed(stepDecimals(step));
  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    const raw = Number(event.target.value);
    const next = values ? values[Math.round(raw)] : raw;
    if (next === undefined || next === value) return;
    markInput();
    onChange(next);
  };
  return (
    <div className={styles.control}>
      <div className={styles.head}>
        <label className={styles.label} htmlFor={id}>
          {label}
        </label>
        <output className={styles.value} htmlFor={id} data-testid={testId ? `${testId}-value` : undefined}>
          {text}
        </output>
      </div>
      <input
        id={id}
        className={styles.range}
        type="range"
        min={values ? 0 : min}
        max={values ? Math.max(0, values.length - 1) : max}
        step={values ? 1 : step}
        value={values ? nearestIndex(values, value) : value}
        aria-valuetext={text}
        aria-describedby={hint ? hintId : undefined}
        disabled={disabled}
        data-testid={testId}
        onChange={onInput}
      />
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
}
