// Lesson 8's curves to time: one checkbox per form of every variant the app
// runs (FORMS_BY_VARIANT), at most MAX_SWEEP_CASES at once, kept in the
// offered order so curves keep their colours.
import type { Form } from '../../engine';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import timingStyles from '../../components/timing-chart/TimingChart.module.css';
import { APP_VARIANTS, FORMS_BY_VARIANT, MAX_SWEEP_CASES } from '../../state/limits';
import { useViewStore } from '../../state/store';
import type { SweepCase } from '../../state/types';

/** Cases the lab offers: every form of every variant the app runs (FORMS_BY_VARIANT), in its order. */
const OFFERED: readonly SweepCase[] = APP_VARIANTS.flatMap((variant) =>
  (FORMS_BY_VARIANT[variant] ?? []).map((form: Form) => ({ variant, form })),
);

function sameCase(a: SweepCase, b: SweepCase): boolean {
  return a.variant === b.variant && a.form === b.form;
}

export function CasePicker({ disabled }: { readonly disabled: boolean }) {
  const t = useT();
  const sweepCases = useViewStore((s) => s.sweepCases);
  const setView = useViewStore((s) => s.setView);
  const full = sweepCases.length >= MAX_SWEEP_CASES;
  const toggleCase = (c: SweepCase, on: boolean) => {
    const next = on
      ? [...sweepCases.filter((x) => !sameCase(x, c)), c]
      : sweepCases.filter((x) => !sameCase(x, c));
    // Keep the offered order so curves keep their colours.
    setView({ sweepCases: OFFERED.filter((o) => next.some((x) => sameCase(x, o))) });
  };
  return (
    <fieldset className={styles.checks} data-testid="sweep-cases">
      <legend>{t('timing.cases')}</legend>
      <div className={timingStyles.cases}>
        {APP_VARIANTS.map((variant) => (
          <div key={variant} className={timingStyles.caseRow} role="group" aria-label={variant}>
            <span className={timingStyles.caseVariant} aria-hidden="true">
              {variant}
            </span>
            {(FORMS_BY_VARIANT[variant] ?? []).map((form) => {
              const c = { variant, form };
              const checked = sweepCases.some((x) => sameCase(x, c));
              return (
                <label key={form}>
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={disabled || (full && !checked)}
                    aria-label={`${variant} ${form}`}
                    data-testid={`case-${variant}-${form}`}
                    onChange={(event) => toggleCase(c, event.target.checked)}
                  />
                  {form}
                </label>
              );
            })}
          </div>
        ))}
      </div>
      <p className={styles.note} data-testid="sweep-cases-count">
        {t('perf.casesCount', { count: sweepCases.length, max: MAX_SWEEP_CASES })}
      </p>
    </fieldset>
  );
}
