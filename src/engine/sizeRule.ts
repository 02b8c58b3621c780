// The one size rule: whether a request fits, and the largest n that does, for
// every variant on every backend. What a request allocates is its variant's
// buffer plan (the definition's `buffers`, variants/common/buffers.ts); what it
// may allocate is a SizeLimit: a per-buffer limit and, on the GPU, a budget for
// everything held at once (gpu/memory.ts). The CPU engine (its maxBufferBytes),
// checkFitsLimits (a device's advertised limits) and the GPU engine (before it
// allocates anything) all call checkFits, so the CPU fallback, the GPU and the
// command line agree on what fits and on the maxN a refusal offers.
import { EngineError, type Backend, type Form } from './types';
import type { BufferSize } from './variants/common/cost';
import type { PlanRequest } from './variants/common/buffers';
import { getDefinition } from './variants/registry';
import type { NormalizedProblem } from './validate';

export interface SizeLimit {
  /** Bytes one buffer may hold. */
  readonly perBuffer: number;
  /**
   * Whose limit perBuffer is, as a refusal words it: the device's advertised
   * limit ("this device allows"), or the engine's margin under it (memory.ts).
   */
  readonly perBufferOf: 'device' | 'engine';
  /** Bytes every buffer of the request may hold together; absent: no such limit. */
  readonly budget?: number;
  /** Why the budget is below its default, when it is (quoted in refusals). */
  readonly lowered?: string;
  /**
   * Bytes that stay allocated while the request runs (kept matrices, idle pool
   * buffers): they count against the budget now, but not for maxN, which a
   * later request (once they are freed) is offered.
   */
  readonly heldBytes?: number;
}

/** A request as the rule sees it: what it is (for refusals) and its buffers at any n. */
export interface SizedRequest {
  readonly variant: string;
  readonly form: Form;
  readonly n: number;
  /** The buffers the request would allocate at size n, every other size as asked. */
  readonly buffersAt: (n: number) => readonly BufferSize[];
}

/** Whether `buffers` keep to the limit (held bytes aside). */
export function buffersFit(buffers: readonly BufferSize[], limit: SizeLimit): boolean {
  return (
    buffers.every((b) => b.bytes <= limit.perBuffer) &&
    (limit.budget === undefined || totalBytes(buffers) <= limit.budget)
  );
}

/** The largest n below the request's that fits the limit (0 if none). Assumes buffers grow with n. */
export function maxFittingN(req: SizedRequest, limit: SizeLimit): number {
  return largestFittingN(req.n - 1, (n) => buffersFit(req.buffersAt(n), limit));
}

/**
 * Throws EngineError (with maxN, the largest n that fits) when the request
 * breaks the limit: a buffer over the per-buffer limit (the first one listed is
 * named), or, with held bytes, more than the budget altogether.
 */
export function checkFits(req: SizedRequest, limit: SizeLimit): void {
  const what = `${req.variant} ${req.form} at n=${req.n}`;
  const buffers = req.buffersAt(req.n);
  const offender = buffers.find((b) => b.bytes > limit.perBuffer);
  if (offender) {
    const allowed =
      limit.perBufferOf === 'device'
        ? `this device allows ${formatBytes(limit.perBuffer)} per buffer`
        : `this engine keeps one buffer under ${formatBytes(limit.perBuffer)} on this device`;
    throw refusal(
      req,
      limit,
      `${what} needs ${formatBytes(offender.bytes)} for ${offender.label}, but ${allowed}`,
    );
  }
  if (limit.budget === undefined) return;
  const needed = totalBytes(buffers);
  const held = limit.heldBytes ?? 0;
  if (needed + held <= limit.budget) return;
  const budget = limit.lowered
    ? `the ${formatBytes(limit.budget)} left after ${limit.lowered}`
    : `the ${formatBytes(limit.budget)} this engine allocates at once on this device`;
  const heldText = held > 0 ? ` (with ${formatBytes(held)} already held)` : '';
  throw refusal(
    req,
    limit,
    `${what} needs ${formatBytes(needed)} of buffers at once${heldText}, more than ${budget}`,
  );
}

function refusal(req: SizedRequest, limit: SizeLimit, why: string): EngineError {
  const maxN = maxFittingN(req, limit);
  const fits = maxN >= 1 ? `the largest n that fits is ${maxN}` : 'no n fits with these dk, dv, heads';
  return new EngineError(`${why}; ${fits}`, { maxN });
}

/** How a validated problem is sized: the backend, and for the GPU engine's weights() one head. */
export interface SizingOptions {
  /** Heads the backend allocates for (weights(): 1); default the problem's. */
  readonly heads?: number;
  /** weights(): head 0's n×n matrix rather than run(). */
  readonly weights?: boolean;
}

/** A validated problem as the rule sees it, its buffers from its variant's plan on `backend`. */
export function sizedRequest(
  problem: NormalizedProblem,
  form: Form,
  backend: Backend,
  options: SizingOptions = {},
): SizedRequest {
  const definition = getDefinition(problem.variant);
  // Inputs whose shape sets a feature count (Performer's m, Linformer's kproj) fix it for every n.
  const features = definition.featuresFromInputs?.(problem.inputs, problem);
  const planned: Omit<PlanRequest, 'n'> = {
    dk: problem.dk,
    dv: problem.dv,
    heads: options.heads ?? problem.heads,
    form,
    params: problem.params,
    features,
    weights: options.weights,
  };
  return {
    variant: problem.variant,
    form,
    n: problem.n,
    buffersAt: (n) => definition.buffers({ ...planned, n }, backend),
  };
}

export function totalBytes(buffers: readonly { readonly bytes: number }[]): number {
  return buffers.reduce((sum, b) => sum + b.bytes, 0);
}

/** Largest n in [1, upper] with fits(n), by bisection (fits is monotone); 0 if none. */
export function largestFittingN(upper: number, fits: (n: number) => boolean): number {
  if (upper < 1 || !fits(1)) return 0;
  let lo = 1;
  let hi = upper;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
