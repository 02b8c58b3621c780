// The numbers lesson 13 prints: the fit now (step, loss, map and output
// errors, speed) with their step-0 twins, and the references it is measured
// against (elu+1, held-out tokens at W's start and now).
import { formatNumber } from '../../components/format';
import type { Translate } from '../../i18n';
import type { ReadoutItem } from '../../components/lab/Readout';
import type { FitView } from './useFit';
import type { FitReferences } from './useFitReferences';

type FitPoint = FitView['history'][number];

export function sci(value: number): string {
  return value.toExponential(3);
}

export interface FitProgress {
  readonly step: number | null;
  readonly start: FitPoint | undefined;
  readonly now: FitPoint | undefined;
  readonly backendName: string | null;
  readonly lossName: string;
}

export function fitItems(t: Translate, fit: FitView, progress: FitProgress): ReadoutItem[] {
  const { step, start, now, backendName, lossName } = progress;
  const atStart = (value: string | undefined) =>
    value !== undefined ? t('linearise.readout.atStart', { value }) : undefined;
  return [
    {
      name: 'fit-step',
      label: t('linearise.readout.step'),
      text: step !== null ? String(step) : null,
      value: step ?? undefined,
      detail: backendName ?? undefined,
    },
    {
      name: 'fit-loss',
      label: t('linearise.readout.loss', { loss: lossName }),
      text: now ? sci(now.loss) : null,
      value: now?.loss,
      detail: atStart(start && sci(start.loss)),
    },
    {
      name: 'fit-map-rms',
      label: t('linearise.readout.mapRms'),
      text: now ? formatNumber(now.mapRms, 4) : null,
      value: now?.mapRms,
      detail: atStart(start && formatNumber(start.mapRms, 4)),
    },
    {
      name: 'fit-map-max',
      label: t('linearise.readout.mapMax'),
      text: now ? formatNumber(now.mapMax, 4) : null,
      value: now?.mapMax,
    },
    {
      name: 'fit-output-rel',
      label: t('linearise.readout.outputRel'),
      text: now ? formatNumber(now.outputRel, 4) : null,
      value: now?.outputRel,
      detail: atStart(start && formatNumber(start.outputRel, 4)),
    },
    {
      name: 'fit-speed',
      label: t('linearise.readout.speed'),
      text:
        fit.stepsPerSecond !== null
          ? formatNumber(fit.stepsPerSecond, 3)
          : fit.snapshot
            ? t('linearise.notMeasured')
            : null,
      value: fit.stepsPerSecond ?? undefined,
      detail: t('linearise.readout.speedDetail'),
    },
  ];
}

/** Hidden twins of the step-0 numbers, for the prose's <Value> and the tests. */
export function startItems(t: Translate, start: FitPoint | undefined, lossName: string): ReadoutItem[] {
  return [
    {
      name: 'fit-loss-start',
      label: t('linearise.readout.lossStart', { loss: lossName }),
      text: start ? sci(start.loss) : null,
      value: start?.loss,
    },
    {
      name: 'fit-map-rms-start',
      label: t('linearise.readout.mapRmsStart'),
      text: start ? formatNumber(start.mapRms, 4) : null,
      value: start?.mapRms,
    },
    {
      name: 'fit-output-rel-start',
      label: t('linearise.readout.outputRelStart'),
      text: start ? formatNumber(start.outputRel, 4) : null,
      value: start?.outputRel,
    },
  ];
}

export function referenceItems(
  t: Translate,
  { elu1, heldOutStart, heldOutNow }: FitReferences,
  running: boolean,
  step: number | null,
): ReadoutItem[] {
  return [
    {
      name: 'fit-elu1-map-rms',
      label: t('linearise.readout.elu1MapRms'),
      text: formatNumber(elu1.mapRms, 4),
      value: elu1.mapRms,
      detail: t('linearise.readout.elu1Detail', { out: formatNumber(elu1.outputRel, 4) }),
    },
    {
      name: 'fit-heldout-map-rms-start',
      label: t('linearise.readout.heldOutStart'),
      text: formatNumber(heldOutStart.mapRms, 4),
      value: heldOutStart.mapRms,
      detail: t('linearise.readout.heldOutOut', { out: formatNumber(heldOutStart.outputRel, 4) }),
    },
    {
      name: 'fit-heldout-map-rms',
      label: t('linearise.readout.heldOutNow'),
      text: heldOutNow ? formatNumber(heldOutNow.mapRms, 4) : running ? t('linearise.whenPaused') : null,
      value: heldOutNow?.mapRms,
      detail: heldOutNow
        ? t('linearise.readout.heldOutNowDetail', {
            out: formatNumber(heldOutNow.outputRel, 4),
            step: step ?? 0,
          })
        : undefined,
    },
  ];
}
