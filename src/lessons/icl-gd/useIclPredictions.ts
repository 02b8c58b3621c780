// Lesson 15's float64 computations on the page (microseconds at d ≤ 8): the
// task (the §24 worked example or a seeded one), the preconditioner Γ, the
// attention head's and one GD step's predictions, the worked example's two
// ends (Γ = I and Newton), and the streaming table.
import { useMemo } from 'react';
import {
  attentionPrediction,
  gdPrediction,
  preconditioner,
  seededTask,
  streamingTable,
  workedExample,
  type IclTask,
} from '../../engine';

/** Rows of the streaming table. */
const STREAM_ROWS = 6;

export interface IclSettings {
  /** The worked example instead of a seeded task. */
  readonly worked: boolean;
  readonly seed: number;
  readonly d: number;
  readonly M: number;
  readonly noise: number;
  /** Preconditioner mix s in [0, 1]. */
  readonly s: number;
  /** DeltaNet's β of the streaming table. */
  readonly beta: number;
}

export type StreamRow = ReturnType<typeof streamingTable>[number];

export interface IclPredictions {
  readonly task: IclTask;
  readonly gamma: Float64Array;
  readonly rank: number;
  readonly attn: ReturnType<typeof attentionPrediction>;
  readonly gd: ReturnType<typeof gdPrediction>;
  readonly workedEnds: {
    readonly identity: number;
    readonly identityAttn: number;
    readonly newton: number;
    readonly newtonAttn: number;
  };
  readonly stream: readonly StreamRow[];
}

export function useIclPredictions({ worked, seed, d, M, noise, s, beta }: IclSettings): IclPredictions {
  const task: IclTask = useMemo(
    () => (worked ? workedExample() : seededTask(seed, d, M, noise)),
    [worked, seed, d, M, noise],
  );
  const { gamma, rank } = useMemo(() => preconditioner(task, s), [task, s]);
  const attn = useMemo(() => attentionPrediction(task, gamma), [task, gamma]);
  const gd = useMemo(() => gdPrediction(task, gamma), [task, gamma]);
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
  return { task, gamma, rank, attn, gd, workedEnds, stream };
}
