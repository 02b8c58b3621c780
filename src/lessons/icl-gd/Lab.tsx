// Lesson 15 lab: in-context linear regression. One unnormalised linear-attention
// head and one step of preconditioned gradient descent predict the query's
// label by separate code paths, printed side by side with their difference;
// the §24 worked example first, then seeded random tasks; the Monte-Carlo risk
// against M; and the streaming view (linear attention's state = GD
// accumulator, DeltaNet = online SGD), all float64 on the CPU.
import { useMemo } from 'react';
import {
  attentionPrediction,
  gdPrediction,
  newtonRisk,
  optimalEta,
  scalarRisk,
  preconditioner,
  seededTask,
  workedExample,
  type IclTask,
  streamingTable,
  RISK_DEFAULT_TASKS,
  RISK_M_GRID,
} from '../../engine';
import { LineChart } from '../../components/charts/LineChart';
import { SeedField } from '../../components/controls/SeedField';
import { Slider } from '../../components/controls/Slider';
import { logGrid } from '../../components/controls/sliderScale';
import { formatNumber } from '../../components/format';
import { useT } from '../../components/i18n';
import { useRiskCurve } from './useRiskCurve';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import chartStyles from '../../components/charts/Chart.module.css';
import { LIMITS } from '../../state/urlSchema';
import { useViewStore } from '../../state/store';
import { meta } from './meta';

/** This lab's dimensions: small enough to print vectors and Γ. */
export const ICL_D_VALUES = [2, 3, 4, 5, 6, 7, 8];
/** Rows of the context table and of the streaming table. */
const TABLE_ROWS = 8;
const STREAM_ROWS = 6;

/** A prediction to 6 decimals (no "−0.000000"). */
export function fixed6(value: number): string {
  const text = value.toFixed(6);
  return /^-0\.0+$/.test(text) ? text.slice(1) : text;
}

function vector(values: ArrayLike<number>, digits = 4): string {
  return `(${Array.from(values, (x) => formatNumber(x, digits)).join(', ')})`;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

export default function IclGdLab() {
  const t = useT();
  const setView = useViewStore((s) => s.setView);
  const step = useViewStore((s) => s.step);
  const storeD = useViewStore((s) => s.d);
  const M = useViewStore((s) => s.examples);
  const s = useViewStore((s) => s.precond);
  const noise = useViewStore((s) => s.noise);
  const beta = useViewStore((s) => s.beta);
  const seed = useViewStore((s) => s.seed);
  const worked = meta.steps[step]?.id === 'worked';
  const d = Math.min(Math.max(storeD, ICL_D_VALUES[0]), ICL_D_VALUES[ICL_D_VALUES.length - 1]);

  const task: IclTask = useMemo(
    () => (worked ? workedExample() : seededTask(seed, d, M, noise)),
    [worked, seed, d, M, noise],
  );
  const { gamma, rank } = useMemo(() => preconditioner(task, s), [task, s]);
  const attn = useMemo(() => attentionPrediction(task, gamma), [task, gamma]);
  const gd = useMemo(() => gdPrediction(task, gamma), [task, gamma]);
  const diff = Math.abs(attn.yhat - gd.yhat);
  const workedEnds = useMemo(() => {
    const example = workedExample();
    return {
      identity: gdPrediction(example, preconditioner(example, 0).gamma).yhat,
      identityAttn: attentionPrediction(example, preconditioner(example, 0).gamma).yhat,
      newton: gdPrediction(example, preconditioner(example, 1).gamma).yhat,
      newtonAttn: attentionPrediction(example, preconditioner(example, 1).gamma).yhat,
    };
  }, []);
  const stream = useMemo(() => streamingTable(task, beta, STREAM_ROWS), [task, beta]);
  const streamDiff = stream.reduce((w, r) => Math.max(w, maxAbsDiff(r.attentionState, r.gdAccumulator)), 0);
  const deltaDiff = stream.reduce((w, r) => Math.max(w, maxAbsDiff(r.deltaState, r.sgdWeights)), 0);
  const etaStar = optimalEta(task.d, task.M, worked ? 0 : noise);

  const riskD = worked ? 2 : d;
  const riskNoise = worked ? 0 : noise;
  const risk = useRiskCurve({
    seed,
    d: riskD,
    noise: riskNoise,
    s,
    tasks: RISK_DEFAULT_TASKS,
    ms: RISK_M_GRID,
  });
  const riskSeries = risk.points
    ? [
        { id: 'gd', label: t('icl.risk.gd'), points: risk.points.map((p) => ({ x: p.M, y: p.gd })) },
        {
          id: 'newton',
          label: t('icl.risk.newton'),
          points: risk.points.map((p) => ({ x: p.M, y: p.newton })),
        },
        {
          id: 'optimal',
          label: t('icl.risk.optimal'),
          points: risk.points.map((p) => ({ x: p.M, y: p.optimal })),
        },
        {
          id: 'reader',
          label: t('icl.risk.reader', { s: s.toFixed(2) }),
          dashed: true,
          points: risk.points.map((p) => ({ x: p.M, y: p.reader })),
        },
      ]
    : [];
  const totalTasks = RISK_DEFAULT_TASKS * RISK_M_GRID.length;
  // The grid point nearest the current M (in log distance) for the readouts.
  const riskM = RISK_M_GRID.reduce((best, m) =>
    Math.abs(Math.log(m / task.M)) < Math.abs(Math.log(best / task.M)) ? m : best,
  );
  const riskPoint = risk.points?.find((p) => p.M === riskM) ?? null;
  const riskText = (value: number | undefined) => (value === undefined ? null : formatNumber(value, 4));
  const withSe = (kind: 'gd' | 'newton' | 'optimal' | 'reader', detail: string) =>
    riskPoint ? `± ${formatNumber(riskPoint.se[kind], 2)} (${t('icl.readout.se')}) · ${detail}` : detail;
  const formulaText = (value: number) =>
    Number.isFinite(value)
      ? t('icl.readout.formula', { value: formatNumber(value, 4) })
      : t('icl.readout.noFormula');
  const riskItems = [
    {
      name: 'icl-risk-gd',
      label: `${t('icl.readout.riskAt', { m: riskM })}: ${t('icl.risk.gdShort')}`,
      text: riskText(riskPoint?.gd),
      value: riskPoint?.gd,
      detail: withSe('gd', formulaText(scalarRisk(riskD, riskM, riskNoise, 1))),
    },
    {
      name: 'icl-risk-optimal',
      label: `${t('icl.readout.riskAt', { m: riskM })}: ${t('icl.risk.optimalShort')}`,
      text: riskText(riskPoint?.optimal),
      value: riskPoint?.optimal,
      detail: withSe(
        'optimal',
        formulaText(scalarRisk(riskD, riskM, riskNoise, optimalEta(riskD, riskM, riskNoise))),
      ),
    },
    {
      name: 'icl-risk-newton',
      label: `${t('icl.readout.riskAt', { m: riskM })}: ${t('icl.risk.newtonShort')}`,
      text: riskText(riskPoint?.newton),
      value: riskPoint?.newton,
      detail: withSe('newton', formulaText(newtonRisk(riskD, riskM, riskNoise))),
    },
    {
      name: 'icl-risk-reader',
      label: `${t('icl.readout.riskAt', { m: riskM })}: ${t('icl.risk.readerShort')}`,
      text: riskText(riskPoint?.reader),
      value: riskPoint?.reader,
      detail: withSe('reader', t('icl.readout.riskAtDetail')),
    },
  ];

  const items = [
    ...(worked
      ? [
          {
            name: 'icl-worked-identity',
            label: t('icl.readout.workedI'),
            text: fixed6(workedEnds.identity),
            value: workedEnds.identity,
            detail: `${t('icl.readout.attn')}: ${fixed6(workedEnds.identityAttn)}`,
          },
          {
            name: 'icl-worked-newton',
            label: t('icl.readout.workedNewton'),
            text: fixed6(workedEnds.newton),
            value: workedEnds.newton,
            detail: `${t('icl.readout.attn')}: ${fixed6(workedEnds.newtonAttn)}`,
          },
        ]
      : []),
    {
      name: 'icl-yhat-attn',
      label: t('icl.readout.attn'),
      text: fixed6(attn.yhat),
      value: attn.yhat,
      detail: t('icl.readout.attnDetail'),
    },
    {
      name: 'icl-yhat-gd',
      label: t('icl.readout.gd'),
      text: fixed6(gd.yhat),
      value: gd.yhat,
      detail: t('icl.readout.gdDetail'),
    },
    {
      name: 'icl-diff',
      label: t('icl.readout.diff'),
      text: formatNumber(diff),
      value: diff,
      detail: t('icl.readout.diffDetail'),
    },
    { name: 'icl-target', label: t('icl.readout.target'), text: fixed6(task.yq), value: task.yq },
    { name: 'icl-w1', label: t('icl.readout.w1'), text: vector(gd.w1) },
    { name: 'icl-wstar', label: t('icl.readout.wStar'), text: vector(task.wStar) },
    { name: 'icl-rank', label: t('icl.readout.rank'), text: String(rank), value: rank },
    {
      name: 'icl-eta-star',
      label: t('icl.readout.etaStar'),
      text: formatNumber(etaStar, 4),
      value: etaStar,
      detail: t('icl.readout.etaStarDetail'),
    },
  ];

  return (
    <div className={styles.lab}>
      <div className={styles.controls}>
        <Slider
          label={t('icl.precond')}
          value={s}
          min={LIMITS.precond.min}
          max={LIMITS.precond.max}
          step={LIMITS.precond.step}
          hint={t('icl.precondHint')}
          onChange={(value) => setView({ precond: value })}
          testId="precond-slider"
        />
        <Slider
          label={t('icl.examples')}
          value={task.M}
          values={logGrid(LIMITS.examples.min, LIMITS.examples.max)}
          disabled={worked}
          onChange={(value) => setView({ examples: value })}
          testId="examples-slider"
        />
        <Slider
          label={t('icl.d')}
          value={task.d}
          values={ICL_D_VALUES}
          disabled={worked}
          hint={t('icl.dHint')}
          onChange={(value) => setView({ d: value })}
          testId="d-slider"
        />
        <Slider
          label={t('icl.noise')}
          value={worked ? 0 : noise}
          min={LIMITS.noise.min}
          max={LIMITS.noise.max}
          step={LIMITS.noise.step}
          disabled={worked}
          onChange={(value) => setView({ noise: value })}
          testId="noise-slider"
        />
        <Slider
          label={t('icl.beta')}
          value={beta}
          min={LIMITS.beta.min}
          max={LIMITS.beta.max}
          step={LIMITS.beta.step}
          onChange={(value) => setView({ beta: value })}
          testId="beta-slider"
        />
        <SeedField
          label={t('lab.seed')}
          newSeedLabel={t('lab.newSeed')}
          value={seed}
          max={LIMITS.seed.max}
          onChange={(value) => setView({ seed: value })}
          testId="seed-input"
        />
      </div>
      <p className={styles.note} data-testid="icl-task">
        {t('icl.taskLine', { task: t(worked ? 'icl.task.worked' : 'icl.task.random') })} {t('icl.cpuNote')}
      </p>
      {rank < task.d && (
        <p className={styles.note} data-testid="icl-pinv-note">
          {t('icl.pinvNote', { m: task.M, d: task.d, rank })}
        </p>
      )}
      <Readout computingText={t('view.computing')} items={items} />
      <div className={styles.section}>
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('icl.table.title')}</h3>
          <div className={chartStyles.scroll}>
            <table className={chartStyles.table} data-testid="icl-context-table">
              <thead>
                <tr>
                  <th scope="col">{t('icl.table.i')}</th>
                  <th scope="col">{t('icl.table.x')}</th>
                  <th scope="col">{t('icl.table.y')}</th>
                  <th scope="col">{t('icl.table.score')}</th>
                  <th scope="col">{t('icl.table.term')}</th>
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: Math.min(TABLE_ROWS, task.M) }, (_, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      {vector(task.xs.subarray(i * task.d, (i + 1) * task.d), 3)}
                    </td>
                    <td>{formatNumber(task.ys[i], 4)}</td>
                    <td>{formatNumber(attn.scores[i], 4)}</td>
                    <td>{formatNumber((attn.scores[i] * task.ys[i]) / task.M, 4)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {task.M > TABLE_ROWS && (
            <p className={styles.note}>{t('icl.table.more', { shown: TABLE_ROWS, m: task.M })}</p>
          )}
        </div>
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('icl.gamma', { s: s.toFixed(2) })}</h3>
          <table className={chartStyles.table} style={{ width: 'auto' }} data-testid="icl-gamma">
            <tbody>
              {Array.from({ length: task.d }, (_, i) => (
                <tr key={i}>
                  {Array.from({ length: task.d }, (_, j) => (
                    <td key={j}>{formatNumber(gamma[i * task.d + j], 4)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className={styles.section}>
        {risk.points ? (
          <LineChart
            title={t('icl.risk.title', { tasks: RISK_DEFAULT_TASKS, d: riskD, noise: riskNoise })}
            xLabel={t('icl.risk.x')}
            yLabel={t('icl.risk.y')}
            xAxis="log2"
            // Without noise Newton's risk is rounding (≈1e-30) once M ≥ d: a log axis would
            // spend most of its height on rounding, so the axis is linear then.
            yAxis={riskNoise === 0 ? 'linear' : 'log10'}
            markerX={worked ? undefined : task.M}
            dots
            height={260}
            testId="icl-risk-chart"
            series={riskSeries}
          />
        ) : (
          <div className={styles.section} data-testid="icl-risk-pending">
            <p className={styles.note} role="status">
              {risk.cancelled
                ? t('icl.risk.cancelled')
                : t('icl.risk.progress', { done: Math.round(risk.progress * 100), total: totalTasks })}
            </p>
            {!risk.cancelled && (
              <div>
                <button type="button" className="button" onClick={risk.cancel} data-testid="icl-risk-cancel">
                  {t('icl.risk.cancel')}
                </button>
              </div>
            )}
          </div>
        )}
        <p className={styles.note}>{t('icl.risk.note')}</p>
        <Readout
          computingText={t('view.computing')}
          items={[
            ...riskItems,
            {
              name: 'icl-risk-tasks',
              label: t('icl.risk.samples'),
              text: risk.points ? String(RISK_DEFAULT_TASKS) : null,
              value: risk.points ? RISK_DEFAULT_TASKS : undefined,
              detail: t('icl.risk.samplesDetail', { total: totalTasks }),
            },
          ]}
        />
      </div>
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('icl.stream.title', { rows: stream.length })}</h3>
        <div className={chartStyles.scroll}>
          <table className={chartStyles.table} data-testid="icl-stream-table">
            <thead>
              <tr>
                <th scope="col">{t('icl.stream.t')}</th>
                <th scope="col">{t('icl.stream.state')}</th>
                <th scope="col">{t('icl.stream.accum')}</th>
                <th scope="col">{t('icl.stream.delta', { beta: beta.toFixed(2) })}</th>
                <th scope="col">{t('icl.stream.sgd')}</th>
              </tr>
            </thead>
            <tbody>
              {stream.map((row) => (
                <tr key={row.t}>
                  <td>{row.t}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>{vector(row.attentionState)}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>{vector(row.gdAccumulator)}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>{vector(row.deltaState)}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>{vector(row.sgdWeights)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Readout
          computingText={t('view.computing')}
          items={[
            {
              name: 'icl-stream-diff',
              label: t('icl.readout.streamDiff'),
              text: formatNumber(streamDiff),
              value: streamDiff,
            },
            {
              name: 'icl-delta-diff',
              label: t('icl.readout.deltaDiff'),
              text: formatNumber(deltaDiff),
              value: deltaDiff,
            },
          ]}
        />
      </div>
    </div>
  );
}
