// Playback of lesson 14's device ring: the current frame, play / pause (one
// frame per interval, stopping at the last), and how far the current frame's
// tokens have travelled (they do not travel with reduced motion). A new
// simulation starts again from the first frame.
import { useEffect, useState } from 'react';
import { useReducedMotion } from '../../components/hooks/useReducedMotion';

const TRAVEL_MS = 900;

export interface RingPlayback {
  readonly frame: number;
  readonly isPlaying: boolean;
  /** Travel of the current frame's tokens, 0..1. */
  readonly progress: number;
  /** Stops playing and shows frame `f` (or the frame computed from the current one). */
  readonly goTo: (f: number | ((current: number) => number)) => void;
  readonly toggle: () => void;
}

/** `signature` names the simulation; `last` is its final frame. */
export function useRingPlayback(signature: string, last: number): RingPlayback {
  const reduced = useReducedMotion();
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  // Travel progress of the current frame's tokens, keyed by the frame it belongs to.
  const [travel, setTravel] = useState<{ frame: number; p: number }>({ frame: -1, p: 1 });

  // A new simulation (W, n, algorithm) starts from the first frame (state adjusted during render).
  const [seen, setSeen] = useState(signature);
  if (seen !== signature) {
    setSeen(signature);
    setFrame(0);
    setPlaying(false);
  }
  const isPlaying = playing && frame < last;

  // Play: advance one frame per interval; it stops by itself at the last frame.
  useEffect(() => {
    if (!isPlaying) return;
    const id = window.setTimeout(
      () => setFrame((f) => Math.min(last, f + 1)),
      reduced ? 1800 : TRAVEL_MS + 500,
    );
    return () => window.clearTimeout(id);
  }, [isPlaying, frame, last, reduced]);

  // Tokens travel during a communication frame (not with reduced motion).
  const animated = !reduced && frame > 0 && frame < last;
  useEffect(() => {
    if (!animated) return;
    let raf = 0;
    const start = performance.now();
    const tick = (now: number) => {
      const p = Math.min(1, (now - start) / TRAVEL_MS);
      setTravel({ frame, p });
      if (p < 1) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [frame, animated]);
  const progress = !animated ? 1 : travel.frame === frame ? travel.p : 0;

  const goTo = (f: number | ((current: number) => number)) => {
    setPlaying(false);
    setFrame(f);
  };
  const toggle = () => {
    if (isPlaying) {
      setPlaying(false);
      return;
    }
    if (frame >= last) setFrame(0);
    setPlaying(true);
  };
  return { frame, isPlaying, progress, goTo, toggle };
}
