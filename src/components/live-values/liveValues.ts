// Live numbers that a lab prints and the lesson prose can quote through
// <Value name="..."/>: the lab publishes the formatted text under a stable
// name, the prose component subscribes to that one name.
import { create } from 'zustand';

export interface LiveValuesState {
  readonly values: Readonly<Record<string, string>>;
}

export const useLiveValues = create<LiveValuesState>(() => ({ values: {} }));

/** Publish (or replace) the text shown for `name`; unchanged text does not notify subscribers. */
export function publishValue(name: string, text: string): void {
  const current = useLiveValues.getState().values;
  if (current[name] === text) return;
  useLiveValues.setState({ values: { ...current, [name]: text } });
}

/** Remove a value (a lab that unmounts should not leave stale numbers behind). */
export function clearValue(name: string): void {
  const current = useLiveValues.getState().values;
  if (!(name in current)) return;
  const next = { ...current };
  delete next[name];
  useLiveValues.setState({ values: next });
}

/** The text published under `name`, or undefined while the lab has not computed it. */
export function useLiveValue(name: string): string | undefined {
  return useLiveValues((state) => state.values[name]);
}
