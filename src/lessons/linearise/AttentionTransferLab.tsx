// Lesson 13's lab: attention transfer, live. Fits Hedgehog's W by Adam so that
// causal linear attention reproduces causal softmax attention on the seeded
// inputs; shows the loss curve, softmax's map beside the implied map, the error
// numbers (also elu+1's, and the fitted W on held-out tokens) and W itself,
// exportable as CSV or JSON.
import { useMemo } from 'react';
import {
  hostMatrix,
  elu1Errors,
  heldOutErrors,
  heldOutProblem,
  initialProjection,
  softmaxTarget,
  fitProblemFromInputs,
  type FitSettings,
} from '../../engine';
import { useViewStore } from '../../state/store';
import { LIMITS } from '../../state/urlSchema';
import { LineChart } from '../../components/charts/LineChart';
import { Segmented } from '../../components/controls/Segmented';
import { Slider } from '../../components/controls/Slider';
import { powersOfTwo } from '../../components/controls/sliderScale';
import { toCsv } from '../../components/export/csv';
import { ExportButtons } from '../../components/export/ExportButtons';
import { formatNumber } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useEngine } from '../../app/engine-host/useEngine';
import { useT } from '../../components/i18n';
import { InputControls } from '../../components/lab/InputControls';
import { Readout } from '../../components/lab/Readout';
import { useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { MAX_FIT_STEPS, useFit } from './useFit';

/** Largest n of this lab: each step is O(n²·(2r + d)) on the CPU fallback. */
export const LINEARISE_MAX_N = 256;
/** Steps of the "run 200" button: the done criterion. */
export const RUN_STEPS = 200;
/** Learning rates the slider offers (a log grid inside the URL's range). */
const LEARNING_RATES = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];
/** Most points the loss curve draws (older steps are thinned evenly). */
const CURVE_POINTS = 800;

function sci(value: number): string {
  return value.toExponential(3);
}

/** Axis ticks of the log loss curve: powers of ten need no four digits. */
function tick(value: number): string {
  return value.toExponential(value === 10 ** Math.round(Math.log10(value)) ? 0 : 2);
}

export function AttentionTransferLab() {
  const t = useT();
  const { device, backend: engineBackend, epoch, status } = useEngine();
  const rank = useViewStore((s) => s.rank);
  const fitLoss = useViewStore((s) => s.fitLoss);
  const lr = useViewStore((s) => s.lr);
  const setView = useViewStore((s) => s.setView);
  const inputs = useProblemInputs(LINEARISE_MAX_N);
  const settings: FitSettings = useMemo(() => ({ r: rank, loss: fitLoss, lr }), [rank, fitLoss, lr]);
  const gpuDevice = engineBackend === 'webgpu' ? device : null;
  const fit = useFit(inputs, settings, gpuDevice, epoch, status === 'ready');
  const { snapshot, history } = fit;
  const { n, d } = inputs;

  const problem = useMemo(() => fitProblemFromInputs(inputs), [inputs]);
  const target = useMemo(() => softmaxTarget(problem), [problem]);
  const softmaxMap = useMemo(() => hostMatrix(target.weights, n, n), [target, n]);
  const elu1 = useMemo(() => elu1Errors(problem, target), [problem, target]);
  const heldOut = useMemo(() => heldOutProblem(inputs), [inputs]);
  const heldOutStart = useMemo(
    () => heldOutErrors(heldOut, initialProjection(inputs.seed, d, rank), rank),
    [heldOut, inputs.seed, d, rank],
  );
  // The fitted W on held-out tokens: measured while the fit rests (not every frame of play).
  const restingW = fit.running ? null : (snapshot?.w ?? null);
  const heldOutNow = useMemo(
    () => (restingW && restingW.length === d * rank ? heldOutErrors(heldOut, restingW, rank) : null),
    [heldOut, restingW, d, rank],
  );

  const implied = useMemo(
    () => (snapshot && snapshot.map.length === n * n ? hostMatrix(snapshot.map, n, n) : null),
    [snapshot, n],
  );
  const wMatrix = useMemo(
    () => (snapshot && snapshot.w.length === d * rank ? hostMatrix(snapshot.w, d, rank) : null),
    [snapshot, d, rank],
  );
  const step = snapshot?.step ?? null;
  const start = history[0];
  const now = snapshot ? snapshot.points[snapshot.points.length - 1] : undefined;
  const backendName =
    fit.backend === 'webgpu'
      ? t('linearise.backend.gpu')
      : fit.backend === 'cpu'
        ? t('linearise.backend.cpu')
        : null;

  const curve = useMemo(() => {
    const points = history.filter((p) => p !== undefined && p.loss > 0);
    const stride = Math.max(1, Math.ceil(points.length / CURVE_POINTS));
    const kept = points.filter((_, i) => i % stride === 0 || i === points.length - 1);
    return kept.map((p) => ({ x: p.step, y: p.loss }));
  }, [history]);

  const lossName = t(fitLoss === 'output' ? 'linearise.loss.output' : 'linearise.loss.weights');
  const exportStem = `hedgehog-W-seed${inputs.seed}-n${n}-d${d}-r${rank}-${fitLoss}-step${step ?? 0}`;
  const wJson = () => ({
    description:
      'Hedgehog feature projection W (dk×r, row-major: w[a][c]); φ(x) = [softmax(xW), softmax(−xW)], each half normalised over its r features',
    backend: fit.backend,
    step,
    loss: fitLoss,
    lossValue: now?.loss ?? null,
    lr,
    inputs,
    dk: d,
    r: rank,
    w: snapshot
      ? Array.from({ length: d }, (_, a) => Array.from(snapshot.w.subarray(a * rank, (a + 1) * rank)))
      : [],
  });
  const wCsv = () =>
    toCsv(
      ['row (input channel a)', ...Array.from({ length: rank }, (_, c) => `feature ${c}`)],
      Array.from({ length: d }, (_, a) => [
        a,
        ...Array.from(snapshot?.w.subarray(a * rank, (a + 1) * rank) ?? []),
      ]),
    );

  const notRun = t('linearise.notMeasured');
  return (
    <div className={styles.lab}>
      <div className={styles.controls}>
        <Segmented
          label={t('linearise.lossLabel')}
          value={fitLoss}
          options={[
            { value: 'output', label: t('linearise.loss.output') },
            { value: 'weights', label: t('linearise.loss.weights') },
          ]}
          onChange={(value) => setView({ fitLoss: value })}
          testId="fit-loss-kind"
        />
        <Slider
          label={t('linearise.rank')}
          value={rank}
          values={powersOfTwo(LIMITS.rank.min, LIMITS.rank.max)}
          onChange={(value) => setView({ rank: value })}
          hint={t('linearise.rankHint', { f: 2 * rank })}
          testId="rank-slider"
        />
        <Slider
          label={t('linearise.lr')}
          value={lr}
          values={
            LEARNING_RATES.includes(lr) ? LEARNING_RATES : [...LEARNING_RATES, lr].sort((a, b) => a - b)
          }
          format={(value) => String(value)}
          onChange={(value) => setView({ lr: value })}
          hint={t('linearise.lrHint')}
          testId="lr-slider"
        />
      </div>
      <InputControls
        show={['n', 'd', 'temperature', 'locality', 'clustering', 'seed']}
        maxN={LINEARISE_MAX_N}
      />
      <div className={styles.section} role="group" aria-label={t('linearise.transport')}>
        <div className={styles.pair} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
          <button
            type="button"
            className="button button--primary"
            data-testid="fit-play"
            disabled={!snapshot}
            aria-pressed={fit.running}
            onClick={() => (fit.running ? fit.pause() : fit.play())}
          >
            {fit.running ? t('view.pause') : t('view.play')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="fit-step-once"
            disabled={!snapshot || fit.running}
            onClick={() => fit.runSteps(1)}
          >
            {t('linearise.step')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="fit-run"
            disabled={!snapshot || fit.running}
            onClick={() => fit.runSteps(RUN_STEPS)}
          >
            {t('linearise.run', { steps: RUN_STEPS })}
          </button>
          <button type="button" className="button" data-testid="fit-reset" onClick={fit.reset}>
            {t('linearise.reset')}
          </button>
        </div>
        {/* Announced when the fit comes to rest, not on every frame of play. */}
        <p className={styles.note} aria-live={fit.running ? 'off' : 'polite'} data-testid="fit-status">
          {snapshot
            ? t(fit.running ? 'linearise.statusRunning' : 'linearise.statusResting', {
                step: snapshot.step,
                backend: backendName ?? '',
                max: MAX_FIT_STEPS,
              })
            : t('view.computing')}
        </p>
        {fit.gpuFailure && (
          <p className={styles.note} role="status">
            {t('linearise.gpuFailed', { message: fit.gpuFailure })}
          </p>
        )}
        {fit.error && (
          <p className={styles.error} role="alert" data-testid="engine-error">
            {fit.error}
          </p>
        )}
      </div>
      <h3 className={styles.sectionTitle}>{t('linearise.readout.fitTitle')}</h3>
      <Readout
        computingText={t('view.computing')}
        items={[
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
            detail: start ? t('linearise.readout.atStart', { value: sci(start.loss) }) : undefined,
          },
          {
            name: 'fit-map-rms',
            label: t('linearise.readout.mapRms'),
            text: now ? formatNumber(now.mapRms, 4) : null,
            value: now?.mapRms,
            detail: start
              ? t('linearise.readout.atStart', { value: formatNumber(start.mapRms, 4) })
              : undefined,
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
            detail: start
              ? t('linearise.readout.atStart', { value: formatNumber(start.outputRel, 4) })
              : undefined,
          },
          {
            name: 'fit-speed',
            label: t('linearise.readout.speed'),
            text:
              fit.stepsPerSecond !== null ? formatNumber(fit.stepsPerSecond, 3) : snapshot ? notRun : null,
            value: fit.stepsPerSecond ?? undefined,
            detail: t('linearise.readout.speedDetail'),
          },
        ]}
      />
      {/* Hidden twins of the step-0 numbers, for the prose's <Value> and the tests. */}
      <Readout
        computingText={t('view.computing')}
        items={[
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
        ]}
      />
      <div className={styles.pair}>
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('linearise.map.softmaxTitle')}</h3>
          <Heatmap
            matrix={softmaxMap}
            causal
            label={t('linearise.map.softmaxLabel', { n })}
            rowName={t('lab.query')}
            colName={t('lab.key')}
            valueLabel={t('lab.weight')}
            testId="fit-softmax-map"
            maxSide={340}
            exportName={`softmax-map-n${n}`}
          />
        </div>
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('linearise.map.impliedTitle', { step: step ?? 0 })}</h3>
          <Heatmap
            matrix={implied}
            causal
            label={t('linearise.map.impliedLabel', { n, step: step ?? 0, r: rank })}
            rowName={t('lab.query')}
            colName={t('lab.key')}
            valueLabel={t('lab.weight')}
            testId="heatmap"
            maxSide={340}
            exportName={`hedgehog-map-n${n}-step${step ?? 0}`}
          />
        </div>
      </div>
      <p className={styles.note}>{t('linearise.map.note')}</p>
      <LineChart
        title={t('linearise.curve.title', { loss: lossName })}
        series={[{ id: 'loss', label: lossName, points: curve }]}
        xLabel={t('linearise.curve.x')}
        yLabel={t('linearise.curve.y')}
        yAxis="log10"
        formatY={tick}
        formatX={(x) => String(Math.round(x))}
        markerX={step ?? undefined}
        testId="fit-loss-chart"
      />
      <h3 className={styles.sectionTitle}>{t('linearise.readout.refTitle')}</h3>
      <Readout
        computingText={t('view.computing')}
        items={[
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
            text: heldOutNow
              ? formatNumber(heldOutNow.mapRms, 4)
              : fit.running
                ? t('linearise.whenPaused')
                : null,
            value: heldOutNow?.mapRms,
            detail: heldOutNow
              ? t('linearise.readout.heldOutNowDetail', {
                  out: formatNumber(heldOutNow.outputRel, 4),
                  step: step ?? 0,
                })
              : undefined,
          },
        ]}
      />
      <p className={styles.note}>{t('linearise.heldOutNote', { from: n + 1, to: 2 * n })}</p>
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('linearise.w.title', { d, r: rank, step: step ?? 0 })}</h3>
        <Heatmap
          matrix={wMatrix}
          causal={false}
          colorMap="diverging"
          label={t('linearise.w.label', { d, r: rank, step: step ?? 0 })}
          rowName={t('linearise.w.row')}
          colName={t('linearise.w.col')}
          valueLabel={t('linearise.w.value')}
          testId="fit-w-map"
          maxSide={280}
          exportName={exportStem}
        />
        <ExportButtons fileStem={exportStem} csv={wCsv} json={wJson} testId="fit-w-export" />
        <p className={styles.note}>{t('linearise.w.note')}</p>
      </div>
    </div>
  );
}
