// A lab's secondary work (a timed run, both orders of the product) starts only
// once the map of the current settings is on screen and the control has rested
// (useSettledKey), so it never delays the map. Until then its key is null, and
// useLatestRun keeps the previous settings' result as "not pending": this hook
// judges the result against the current settings instead, so a readout prints
// "Computing…" from the moment the settings change, never another key's number.
import { useLatestRun, type LatestRun } from '../../app/engine-host/useEngine';
import type { RunFn } from '../../app/engine-host/latestRunner';
import { useSettledKey } from '../../components/lab/useSettledKey';

export interface RunAfterPaint<T> {
  /** The result of the current settings, or undefined while it is not known yet. */
  readonly value: T | undefined;
  /** The error of the current settings' run. */
  readonly error: Error | undefined;
  /** The current settings' result is not known yet (waiting for the map, or computing). */
  readonly pending: boolean;
  /** The newest result of any settings (a view may keep it on screen, dimmed, while pending). */
  readonly previous: T | undefined;
}

/** What a lab may print of `run` when the current settings have key `currentKey` (null: no engine). */
export function resultForKey<T>(run: LatestRun<T>, currentKey: string | null): RunAfterPaint<T> {
  const own = currentKey !== null && run.key === currentKey && !run.pending;
  return {
    value: own && run.error === undefined ? run.value : undefined,
    error: own ? run.error : undefined,
    pending: currentKey !== null && !own,
    previous: run.value,
  };
}

/**
 * Runs `fn` for `currentKey` after the map of that key was painted and the key
 * stayed SETTLE_MS. Returns the run as seen from the current key, and the
 * callback to pass to the map's Heatmap as onPainted (with the key it drew).
 */
export function useRunAfterPaint<T>(
  currentKey: string | null,
  fn: RunFn<T>,
): [RunAfterPaint<T>, (paintedKey: string | null) => void] {
  const [settledKey, onPainted] = useSettledKey(currentKey);
  const run = useLatestRun<T>(settledKey, fn);
  return [resultForKey(run, currentKey), onPainted];
}
