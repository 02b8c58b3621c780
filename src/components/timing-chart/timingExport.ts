// What the timing chart exports: every point of every curve as CSV (with the
// curve's fitted slope), and the whole sweep with the fits and crossovers as
// JSON.
import type { SweepResult } from '../../engine';
import { toCsv } from '../export/csv';
import type { CurveCrossover, TimingCurve } from './curves';

export function timingCsv(curves: readonly TimingCurve[]): string {
  return toCsv(
    [
      'variant',
      'form',
      'n',
      'heads',
      'dk',
      'dv',
      'ms_median',
      'ms_min',
      'ms_max',
      'bytes',
      'gflops',
      'gbps',
      'slope',
    ],
    curves.flatMap((c) =>
      c.points.map((p) => [
        p.variant,
        p.form,
        p.n,
        p.heads,
        p.dk,
        p.dv,
        p.ms,
        p.msMin,
        p.msMax,
        p.bytes,
        p.gflops,
        p.gbps,
        c.fit?.slope,
      ]),
    ),
  );
}

export function timingJson(
  result: SweepResult,
  curves: readonly TimingCurve[],
  found: readonly CurveCrossover[],
) {
  return {
    ...result,
    fits: curves.map((c) => ({ curve: c.id, slope: c.fit?.slope ?? null, r2: c.fit?.r2 ?? null })),
    crossovers: found,
  };
}

export function slopeText(slope: number | undefined): string {
  return slope === undefined ? '—' : slope.toFixed(2);
}
