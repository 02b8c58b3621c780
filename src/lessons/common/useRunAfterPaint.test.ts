import { describe, expect, it } from 'vitest';
import type { LatestRun } from '../../app/engine-host/useEngine';
import { resultForKey } from './useRunAfterPaint';

const done = (key: string, value: number): LatestRun<number> => ({
  value,
  error: undefined,
  key,
  pending: false,
});

describe('resultForKey', () => {
  it('prints the result of the current settings', () => {
    const view = resultForKey(done('identity', 2e-7), 'identity');
    expect(view).toEqual({ value: 2e-7, error: undefined, pending: false, previous: 2e-7 });
  });

  it('never prints the previous settings’ number while the new key waits for its map (run key null)', () => {
    // The feature map changed: the secondary run has not started (its settled key is null),
    // so useLatestRun still holds identity's result and says "not pending".
    const view = resultForKey(done('identity', 2e-7), 'elu1');
    expect(view.value).toBeUndefined();
    expect(view.pending).toBe(true);
    expect(view.previous).toBe(2e-7);
  });

  it('is pending while the run of the current key computes', () => {
    const run: LatestRun<number> = { ...done('elu1', 3e-7), pending: true };
    expect(resultForKey(run, 'elu1')).toMatchObject({ value: undefined, pending: true });
  });

  it('reports the error of the current key only', () => {
    const failed: LatestRun<number> = { value: 1, error: new Error('too big'), key: 'n4096', pending: false };
    expect(resultForKey(failed, 'n4096')).toMatchObject({ value: undefined, pending: false });
    expect(resultForKey(failed, 'n4096').error?.message).toBe('too big');
    expect(resultForKey(failed, 'n2048')).toMatchObject({ error: undefined, pending: true });
  });

  it('is neither pending nor valued without an engine', () => {
    expect(resultForKey(done('a', 1), null)).toMatchObject({ value: undefined, pending: false });
  });
});
