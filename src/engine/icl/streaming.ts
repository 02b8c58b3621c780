// The streaming view of §24: fed the examples as tokens (k_t = x_t, v_t = y_t),
// causal linear attention's state S_t = Σ_{i≤t} x_iᵀ y_i is the GD accumulator
// −t·∇L_t(0) of the first t examples, and DeltaNet's state
// S_t = S_{t−1} − β k_tᵀ(k_t S_{t−1} − v_t) is online SGD on ½(x_t·w − y_t)² with
// learning rate β. Each side is computed by its own code: the engine's linear
// attention and DeltaNet references on one side, lossGradient on the other.
import { validateRequest } from '../validate';
import { linearRecurrent } from '../variants/linear/cpu';
import { lossGradient, type IclTask } from './icl';
import { definition as deltanetVariant } from '../variants/deltanet';
// DeltaNet's reference is imported directly (not through runCpu, whose forms
// load on demand): this table is computed on the page, a few tokens long.
import { cpu as deltanetCpu } from '../variants/deltanet/cpu';

export interface StreamRow {
  /** 1-based token index. */
  readonly t: number;
  /** Linear attention's state after token t (d), from the engine's recurrent reference. */
  readonly attentionState: Float64Array;
  /** −t·∇L_t(0) over the first t examples (d), from the loss gradient. */
  readonly gdAccumulator: Float64Array;
  /** DeltaNet's state after token t (d), from the engine's deltanet reference (‖k‖ not normalised). */
  readonly deltaState: Float64Array;
  /** w_t after t online-SGD steps with learning rate β. */
  readonly sgdWeights: Float64Array;
}

function prefix(task: IclTask, t: number): IclTask {
  return { ...task, M: t, xs: task.xs.subarray(0, t * task.d), ys: task.ys.subarray(0, t) };
}

/** The first `rows` tokens of the stream (rows ≤ M). β must be in (0, 1) (the engine's DeltaNet range). */
export function streamingTable(task: IclTask, beta: number, rows: number): StreamRow[] {
  const { d, xs, ys } = task;
  const count = Math.min(rows, task.M);
  const states: Float64Array[] = [];
  linearRecurrent(
    {
      n: count,
      dk: d,
      dv: 1,
      q: xs.subarray(0, count * d),
      k: xs.subarray(0, count * d),
      v: ys.subarray(0, count),
      inputs: {},
    },
    { featureMap: 'identity', normalize: false, eps: 0, causal: true },
    undefined,
    (_, state) => states.push(state.S.slice()),
  );
  const out: StreamRow[] = [];
  const w = new Float64Array(d);
  for (let t = 1; t <= count; t++) {
    const gdAccumulator = lossGradient(prefix(task, t), new Float64Array(d)).map((g) => -g * t);
    const request = validateRequest({
      variant: deltanetVariant.id,
      form: 'recurrent',
      problem: {
        n: t,
        dk: d,
        dv: 1,
        q: xs.subarray(0, t * d),
        k: xs.subarray(0, t * d),
        v: ys.subarray(0, t),
        params: { normalizeK: false, scale: 1, causal: true },
        inputs: { beta: new Float64Array(t).fill(beta) },
      },
    });
    const head = {
      n: t,
      dk: d,
      dv: 1,
      q: Float64Array.from(xs.subarray(0, t * d)),
      k: Float64Array.from(xs.subarray(0, t * d)),
      v: Float64Array.from(ys.subarray(0, t)),
      inputs: { beta: new Float64Array(t).fill(beta) },
    };
    const delta = deltanetCpu.run(head, 'recurrent', request.params);
    // One online-SGD step on example t: w ← w − β ∇ℓ_t(w).
    const grad = lossGradient(
      prefix({ ...task, xs: xs.subarray((t - 1) * d), ys: ys.subarray(t - 1) }, 1),
      w,
    );
    for (let a = 0; a < d; a++) w[a] -= beta * grad[a];
    out.push({
      t,
      attentionState: states[t - 1],
      gdAccumulator,
      deltaState: Float64Array.from(delta.state ?? []),
      sgdWeights: w.slice(),
    });
  }
  return out;
}
