// Input-to-paint latency of the interactive path, for the committed benchmark:
// a control marks an input, the heatmap marks the frame in which it drew a new
// matrix, and the difference lands in window.__laMetrics.inputToPaintMs.
// The heatmap draws inside a requestAnimationFrame callback, so the mark is
// taken in the frame that the browser paints right after it.

export interface LaMetrics {
  /** Milliseconds from the earliest unpainted input to the frame that drew the new map. */
  readonly inputToPaintMs: number[];
  /** Heatmap frames drawn with a new matrix. */
  paints: number;
  /** Inputs recorded by controls. */
  inputs: number;
  reset(): void;
}

declare global {
  interface Window {
    __laMetrics?: LaMetrics;
  }
}

let pendingInputAt: number | null = null;

function metrics(): LaMetrics | null {
  if (typeof window === 'undefined') return null;
  if (!window.__laMetrics) {
    const created: LaMetrics = {
      inputToPaintMs: [],
      paints: 0,
      inputs: 0,
      reset() {
        created.inputToPaintMs.length = 0;
        created.paints = 0;
        created.inputs = 0;
        pendingInputAt = null;
      },
    };
    window.__laMetrics = created;
  }
  return window.__laMetrics;
}

/** A control changed a value that will produce a new map. */
export function markInput(now: number = performance.now()): void {
  const m = metrics();
  if (!m) return;
  m.inputs++;
  // Keep the earliest unpainted input: latency counts from what the reader did first.
  if (pendingInputAt === null) pendingInputAt = now;
}

/** The heatmap drew a new matrix in this frame. */
export function markPainted(now: number = performance.now()): void {
  const m = metrics();
  if (!m) return;
  m.paints++;
  if (pendingInputAt !== null) {
    m.inputToPaintMs.push(now - pendingInputAt);
    pendingInputAt = null;
  }
}
