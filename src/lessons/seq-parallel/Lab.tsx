// Lesson 14 lab: W simulated devices run LASP-2 (linear attention: one
// all-gather of KᵀV states) and Ring Attention (softmax: K/V blocks travel the
// ring with the online-softmax merge) on the seeded inputs. The distributed
// outputs are compared with the CPU engine's single-device run, every message
// is counted, and the counted traffic is set beside §23's formulas, at the
// current n and over a sweep of n (log–log chart).
import { useMemo, useState } from 'react';
import {
  lasp2FormulaFloats,
  lasp2PayloadFloats,
  meanPerDevice,
  ringFormulaFloats,
  seqpar,
  type SeqParFeatureMap,
} from '../../engine';
import { LineChart } from '../../components/charts/LineChart';
import { Segmented } from '../../components/controls/Segmented';
import { SeedField } from '../../components/controls/SeedField';
import { Slider } from '../../components/controls/Slider';
import { Toggle } from '../../components/controls/Toggle';
import { logGrid } from '../../components/controls/sliderScale';
import { DeviceRing } from './DeviceRing';
import { formatBytes, formatN, formatNumber } from '../../components/format';
import { useAnalysis } from '../../app/engine-host/useAnalysis';
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import { LIMITS } from '../../state/urlSchema';
import { useViewStore } from '../../state/store';

/** Largest n of this lab: the single-device softmax reference and the ring simulation are O(n²d) per change. */
export const SP_MAX_N = 512;
/** Largest head dimension offered here. */
export const SP_MAX_D = 32;
/** The traffic chart's n: powers of two up to 2^20 (counting mode needs no arrays of size n). */
const SWEEP_MAX_N = 2 ** 20;

const D_VALUES = [2, 4, 8, 16, 32];

/** Integers as exact digits with thin grouping (counts of floats are exact). */
export function exact(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : formatNumber(value, 6);
}

export default function SeqParallelLab() {
  const t = useT();
  const setView = useViewStore((s) => s.setView);
  const variant = useViewStore((s) => s.variant);
  const algo = variant === 'softmax' ? 'ring' : 'lasp2';
  const storeN = useViewStore((s) => s.n);
  const storeD = useViewStore((s) => s.d);
  const storeW = useViewStore((s) => s.devices);
  const seed = useViewStore((s) => s.seed);
  const storeMap = useViewStore((s) => s.featureMap);
  const gammaValue = useViewStore((s) => s.gamma);
  const temperature = useViewStore((s) => s.temperature);
  // Decay on/off is a view setting without a URL field yet (reported to the lead).
  const [decay, setDecay] = useState(false);

  const n = Math.min(storeN, SP_MAX_N);
  const d = Math.min(Math.max(storeD, 2), SP_MAX_D);
  const W = Math.max(1, Math.min(storeW, n));
  const featureMap: SeqParFeatureMap = decay ? 'identity' : storeMap;
  const gamma = decay ? gammaValue : 1;

  const sweepNs = useMemo(() => {
    const ns: number[] = [];
    // From the smallest power of two ≥ max(W, 8), so the crossover W·d/2 lies on the chart.
    for (let m = 8; m <= SWEEP_MAX_N; m *= 2) if (m >= W) ns.push(m);
    return ns;
  }, [W]);
  // Both simulations, their single-device references and the sweep, in the analysis worker.
  const settings = useMemo(
    () => ({ seed, n, d, temperature, devices: W, featureMap, decay, gamma, sweepNs }),
    [seed, n, d, temperature, W, featureMap, decay, gamma, sweepNs],
  );
  const simulation = useAnalysis('seqParallel', settings);
  // Readouts wait for the current settings; the ring and the chart keep the previous run meanwhile.
  const current = simulation.pending ? undefined : simulation.result;
  const shownRun = simulation.result;
  const lasp = current?.lasp;
  const ring = current?.ring;
  const sweepWorst = current?.sweep.reduce(
    (worst, p) =>
      Math.max(worst, Math.abs(p.lasp2Simulated - p.lasp2Formula), Math.abs(p.ringSimulated - p.ringFormula)),
    0,
  );

  const laspRecv = lasp && meanPerDevice(lasp.run.traffic.received);
  const laspFormula = lasp2FormulaFloats(W, d, d, gamma);
  const ringRecv = ring && meanPerDevice(ring.run.traffic.received);
  const ringFormula = ringFormulaFloats(n, W, d, d);
  const ratio =
    laspRecv === undefined || ringRecv === undefined ? undefined : ringRecv === 0 ? NaN : laspRecv / ringRecv;
  const ratioFormula = d / (2 * (n / W));
  const crossover = (W * d) / 2;
  const sizes = seqpar.splitSizes(n, W);
  const extra = n % W;
  const shown = current && (algo === 'lasp2' ? current.lasp.run : current.ring.run);
  const ringShown = shownRun && (algo === 'lasp2' ? shownRun.lasp.run : shownRun.ring.run);
  const chartSweep = shownRun?.sweep ?? [];
  const perDevice = (counts: readonly number[]) =>
    counts.length <= 8 ? t('sp.readout.perDevice', { list: counts.map(exact).join(', ') }) : undefined;
  const receivedDetail = (received: readonly number[]) =>
    [t('sp.readout.bytes', { bytes: formatBytes(meanPerDevice(received) * 8) }), perDevice(received)]
      .filter(Boolean)
      .join(' · ');

  return (
    <div className={styles.lab}>
      <div className={styles.controls}>
        <Segmented
          label={t('sp.algorithm')}
          value={algo}
          options={[
            { value: 'lasp2', label: t('sp.algo.lasp2') },
            { value: 'ring', label: t('sp.algo.ring') },
          ]}
          onChange={(value) => setView({ variant: value === 'ring' ? 'softmax' : 'linear' })}
          testId="sp-algorithm"
        />
        <Slider
          label={t('sp.devices')}
          value={W}
          min={LIMITS.devices.min}
          max={Math.min(LIMITS.devices.max, n)}
          step={1}
          hint={t('sp.devicesHint')}
          onChange={(value) => setView({ devices: value })}
          testId="devices-slider"
        />
        <Slider
          label={t('lab.n')}
          value={n}
          values={logGrid(LIMITS.n.min, SP_MAX_N)}
          onChange={(value) => setView({ n: value })}
          testId="n-slider"
        />
        <Slider
          label={t('lab.d')}
          value={d}
          values={D_VALUES}
          onChange={(value) => setView({ d: value })}
          testId="d-slider"
        />
        <Segmented
          label={t('sp.featureMap')}
          value={featureMap}
          options={[
            { value: 'identity', label: 'identity' },
            { value: 'elu1', label: 'elu+1', disabled: decay },
            { value: 'relu', label: 'ReLU', disabled: decay },
          ]}
          onChange={(value) => setView({ featureMap: value })}
          testId="sp-feature-map"
        />
        <div>
          <Toggle label={t('sp.decay')} checked={decay} onChange={setDecay} testId="sp-decay" />
          <p className={styles.note}>{t('sp.decayHint')}</p>
        </div>
        {decay && (
          <Slider
            label={t('sp.gamma')}
            value={gammaValue}
            min={LIMITS.gamma.min}
            max={LIMITS.gamma.max}
            step={0.001}
            format={(g) => g.toFixed(3)}
            onChange={(value) => setView({ gamma: value })}
            testId="sp-gamma"
          />
        )}
        <SeedField
          label={t('lab.seed')}
          newSeedLabel={t('lab.newSeed')}
          value={seed}
          max={LIMITS.seed.max}
          onChange={(value) => setView({ seed: value })}
          testId="seed-input"
        />
      </div>
      <p className={styles.note} data-testid="sp-split">
        {extra === 0
          ? t('sp.splitEven', { n, w: W, c: n / W })
          : t('sp.splitUneven', { n, w: W, extra, big: sizes[0], small: sizes[W - 1] })}{' '}
        {t('sp.cpuNote')}
      </p>
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'sp-lasp-diff',
            label: t('sp.readout.laspDiff'),
            text: lasp ? formatNumber(lasp.diff) : null,
            value: lasp?.diff,
            detail: [
              decay
                ? t('sp.readout.laspDiffDetailDecay', { gamma: gamma.toFixed(3) })
                : t('sp.readout.laspDiffDetail', { map: featureMap }),
              lasp && t('sp.readout.outputScale', { max: formatNumber(lasp.scale) }),
            ]
              .filter(Boolean)
              .join(' · '),
          },
          {
            name: 'sp-ring-diff',
            label: t('sp.readout.ringDiff'),
            text: ring ? formatNumber(ring.diff) : null,
            value: ring?.diff,
            detail: [
              t('sp.readout.ringDiffDetail'),
              ring && t('sp.readout.outputScale', { max: formatNumber(ring.scale) }),
            ]
              .filter(Boolean)
              .join(' · '),
          },
          {
            name: 'sp-lasp-recv',
            label: t('sp.readout.laspRecv'),
            text: laspRecv !== undefined ? exact(laspRecv) : null,
            value: laspRecv,
            detail: lasp && receivedDetail(lasp.run.traffic.received),
          },
          {
            name: 'sp-lasp-formula',
            label: t(gamma === 1 ? 'sp.readout.laspFormula' : 'sp.readout.laspFormulaDecay'),
            text: exact(laspFormula),
            value: laspFormula,
            detail: t('sp.readout.formulaDetail'),
          },
          {
            name: 'sp-ring-recv',
            label: t('sp.readout.ringRecv'),
            text: ringRecv !== undefined ? exact(ringRecv) : null,
            value: ringRecv,
            detail: ring && receivedDetail(ring.run.traffic.received),
          },
          {
            name: 'sp-ring-formula',
            label: t('sp.readout.ringFormula'),
            text: exact(ringFormula),
            value: ringFormula,
            detail: t('sp.readout.formulaDetail'),
          },
          {
            name: 'sp-ratio',
            label: t('sp.readout.ratio'),
            text: ratio === undefined ? null : Number.isFinite(ratio) ? formatNumber(ratio, 4) : '—',
            value: ratio !== undefined && Number.isFinite(ratio) ? ratio : undefined,
          },
          {
            name: 'sp-ratio-formula',
            label: t('sp.readout.ratioFormula'),
            text: formatNumber(ratioFormula, 4),
            value: ratioFormula,
          },
          {
            name: 'sp-messages',
            label: t('sp.readout.messages'),
            text: shown ? exact(shown.traffic.messages.length) : null,
            value: shown?.traffic.messages.length,
            detail: t('sp.readout.messagesDetail', { steps: shown?.steps ?? W - 1, w: W }),
          },
        ]}
      />
      <div className={styles.section}>
        {ringShown ? (
          <DeviceRing
            algo={algo}
            title={t('sp.ring.title', {
              algo: t(algo === 'lasp2' ? 'sp.algo.lasp2' : 'sp.algo.ring'),
              w: W,
              n,
              d,
            })}
            sizes={ringShown.sizes}
            messages={ringShown.traffic.messages}
            localFloats={lasp2PayloadFloats(d, d, 1)}
          />
        ) : (
          <p className={styles.note}>{t('view.computing')}</p>
        )}
      </div>
      <div className={styles.section}>
        <LineChart
          title={t('sp.chart.title', { w: W, d })}
          xLabel={t('sp.chart.x')}
          yLabel={t('sp.chart.y')}
          xAxis="log2"
          yAxis="log10"
          formatX={formatN}
          formatY={(y) => formatNumber(y)}
          markerX={crossover}
          dots
          height={240}
          testId="sp-traffic-chart"
          series={[
            {
              id: 'lasp-sim',
              label: t('sp.chart.laspSim'),
              points: chartSweep.map((p) => ({ x: p.n, y: p.lasp2Simulated })),
            },
            {
              id: 'lasp-formula',
              label: t('sp.chart.laspFormula'),
              dashed: true,
              points: chartSweep.map((p) => ({ x: p.n, y: p.lasp2Formula })),
            },
            {
              id: 'ring-sim',
              label: t('sp.chart.ringSim'),
              points: chartSweep.map((p) => ({ x: p.n, y: p.ringSimulated })),
            },
            {
              id: 'ring-formula',
              label: t('sp.chart.ringFormula'),
              dashed: true,
              points: chartSweep.map((p) => ({ x: p.n, y: p.ringFormula })),
            },
          ]}
        />
        <p className={styles.note}>{t('sp.chart.note')}</p>
        <Readout
          computingText={t('view.computing')}
          items={[
            {
              name: 'sp-sweep-worst',
              label: t('sp.readout.sweepAgree'),
              text: sweepWorst !== undefined ? formatNumber(sweepWorst) : null,
              value: sweepWorst,
              detail: t('sp.readout.sweepAgreeDetail', {
                points: sweepNs.length,
                from: formatN(sweepNs[0] ?? 0),
                to: formatN(SWEEP_MAX_N),
              }),
            },
            {
              name: 'sp-crossover',
              label: t('sp.readout.crossover'),
              text: exact(crossover),
              value: crossover,
              detail: t('sp.readout.crossoverDetail'),
            },
          ]}
        />
      </div>
    </div>
  );
}
