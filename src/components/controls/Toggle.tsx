// An on/off switch: a checkbox with role="switch", labelled by its text.
import { markInput } from '../latency/metrics';
import styles from './Controls.module.css';

export interface ToggleProps {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly disabled?: boolean;
  readonly testId?: string;
}

export function Toggle({ label, checked, onChange, disabled, testId }: ToggleProps) {
  return (
    <label className={styles.toggle}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => {
          markInput();
          onChange(event.target.checked);
        }}
      />
      {label}
    </label>
  );
}
