// How "play" walks t from its current value to n: a few seconds end to end,
// in small steps normally, in a handful of slow jumps when the reader asks
// for reduced motion.
export interface PlaybackPlan {
  /** Tokens per tick. */
  readonly stride: number;
  /** Milliseconds between ticks. */
  readonly intervalMs: number;
}

export function playbackPlan(n: number, reducedMotion: boolean): PlaybackPlan {
  if (reducedMotion) return { stride: Math.max(1, Math.ceil(n / 8)), intervalMs: 700 };
  return { stride: Math.max(1, Math.ceil(n / 150)), intervalMs: 33 };
}

/** The next t of a playback, or null when it has reached n. */
export function nextT(t: number, n: number, plan: PlaybackPlan): number | null {
  if (t >= n) return null;
  return Math.min(n, t + plan.stride);
}
