import { describe, expect, it } from 'vitest';
import { nextT, playbackPlan } from './playback';

describe('playback', () => {
  it('takes about 150 small ticks normally and 8 slow ones with reduced motion', () => {
    expect(playbackPlan(300, false)).toEqual({ stride: 2, intervalMs: 33 });
    expect(playbackPlan(64, false).stride).toBe(1);
    expect(playbackPlan(300, true)).toEqual({ stride: 38, intervalMs: 700 });
  });

  it('stops at n', () => {
    const plan = { stride: 5, intervalMs: 10 };
    expect(nextT(1, 8, plan)).toBe(6);
    expect(nextT(6, 8, plan)).toBe(8);
    expect(nextT(8, 8, plan)).toBeNull();
  });
});
