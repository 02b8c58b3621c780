// Lesson 15 lab: in-context linear regression. One unnormalised linear-attention
// head and one step of preconditioned gradient descent predict the query's
// label by separate code paths, printed side by side with their difference;
// the §24 worked example first, then seeded random tasks; the Monte-Carlo risk
// against M; and the streaming view (linear attention's state = GD
// accumulator, DeltaNet = online SGD), all float64 on the CPU.
import { RISK_DEFAULT_TASKS, RISK_M_GRID } from '../../engine';
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import { useViewStore } from '../../state/store';
import { ICL_D_VALUES, IclControls } from './IclControls';
import { meta } from './meta';
import { predictionItems } from './predictionItems';
import { RiskSection } from './RiskSection';
import { StreamSection } from './StreamSection';
import { TaskTables } from './TaskTables';
import { useIclPredictions } from './useIclPredictions';
import { useRiskCurve } from './useRiskCurve';

export default function IclGdLab() {
  const t = useT();
  const step = useViewStore((s) => s.step);
  const storeD = useViewStore((s) => s.d);
  const M = useViewStore((s) => s.examples);
  const s = useViewStore((s) => s.precond);
  const noise = useViewStore((s) => s.noise);
  const beta = useViewStore((s) => s.beta);
  const seed = useViewStore((s) => s.seed);
  const worked = meta.steps[step]?.id === 'worked';
  const d = Math.min(Math.max(storeD, ICL_D_VALUES[0]), ICL_D_VALUES[ICL_D_VALUES.length - 1]);
  const predictions = useIclPredictions({ worked, seed, d, M, noise, s, beta });
  const { task, gamma, rank, attn, stream } = predictions;

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

  return (
    <div className={styles.lab}>
      <IclControls task={task} worked={worked} />
      <p className={styles.note} data-testid="icl-task">
        {t('icl.taskLine', { task: t(worked ? 'icl.task.worked' : 'icl.task.random') })} {t('icl.cpuNote')}
      </p>
      {rank < task.d && (
        <p className={styles.note} data-testid="icl-pinv-note">
          {t('icl.pinvNote', { m: task.M, d: task.d, rank })}
        </p>
      )}
      <Readout computingText={t('view.computing')} items={predictionItems(t, predictions, worked, noise)} />
      <TaskTables task={task} scores={attn.scores} gamma={gamma} s={s} />
      <RiskSection risk={risk} riskD={riskD} riskNoise={riskNoise} s={s} M={task.M} worked={worked} />
      <StreamSection stream={stream} beta={beta} />
    </div>
  );
}
