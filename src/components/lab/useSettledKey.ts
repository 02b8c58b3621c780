// Slower, secondary work of a lab (a timed run, a second form) waits until the
// map of the current key is on screen and the reader has stopped moving the
// control for a moment: it never queues on the GPU ahead of the next map.
import { useCallback, useEffect, useState } from 'react';

export const SETTLE_MS = 350;

/**
 * Returns [settledKey, onPainted]: pass onPainted to the Heatmap (it reports the key
 * it drew); settledKey becomes that key SETTLE_MS after the paint if `currentKey`
 * has not changed meanwhile, and null otherwise.
 */
export function useSettledKey(
  currentKey: string | null,
): [string | null, (paintedKey: string | null) => void] {
  const [painted, setPainted] = useState<string | null>(null);
  const [settled, setSettled] = useState<string | null>(null);
  useEffect(() => {
    if (painted === null || painted !== currentKey) return;
    const timer = setTimeout(() => setSettled(painted), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [painted, currentKey]);
  const onPainted = useCallback((paintedKey: string | null) => setPainted(paintedKey), []);
  return [settled !== null && settled === currentKey ? settled : null, onPainted];
}
