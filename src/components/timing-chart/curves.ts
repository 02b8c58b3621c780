// A sweep's points grouped into curves (one per variant and form), each with
// its log–log fit, and the crossovers between softmax and linear curves.
import { findDefinition, type SweepPoint, type SweepResult, type Form, type VariantId } from '../../engine';
import { findCrossover, type Crossover } from './crossover';
import { fitLogLog, type LogLogFit } from './fit';

export interface TimingCurve {
  readonly id: string;
  readonly variant: VariantId;
  readonly form: Form;
  readonly points: readonly SweepPoint[];
  readonly fit: LogLogFit | null;
}

export interface CurveCrossover extends Crossover {
  readonly quadratic: string;
  readonly linear: string;
}

export function curveId(variant: VariantId, form: Form): string {
  return `${variant} ${form}`;
}

export function timingCurves(result: Pick<SweepResult, 'points'>): TimingCurve[] {
  const groups = new Map<string, SweepPoint[]>();
  for (const point of result.points) {
    const id = curveId(point.variant, point.form);
    const list = groups.get(id) ?? [];
    list.push(point);
    groups.set(id, list);
  }
  return [...groups.entries()].map(([id, points]) => {
    const sorted = [...points].sort((a, b) => a.n - b.n);
    return { id, variant: sorted[0].variant, form: sorted[0].form, points: sorted, fit: fitLogLog(sorted) };
  });
}

/** Softmax materialises or scans all n² pairs in every form (its definition says so); every other variant here has a form linear in n. */
export function isQuadratic(curve: Pick<TimingCurve, 'variant'>): boolean {
  return findDefinition(curve.variant)?.quadratic === true;
}

export function crossovers(curves: readonly TimingCurve[]): CurveCrossover[] {
  const found: CurveCrossover[] = [];
  for (const q of curves.filter(isQuadratic)) {
    for (const l of curves.filter((c) => !isQuadratic(c))) {
      const cross = findCrossover(q.points, l.points);
      if (cross) found.push({ ...cross, quadratic: q.id, linear: l.id });
    }
  }
  return found;
}

/** The crossover to mark on the chart: softmax flash against linear chunk when both ran, else the first. */
export function headlineCrossover(found: readonly CurveCrossover[]): CurveCrossover | null {
  return (
    found.find((c) => c.quadratic === 'softmax flash' && c.linear === 'linear chunk') ??
    found.find((c) => c.linear === 'linear chunk') ??
    found[0] ??
    null
  );
}
