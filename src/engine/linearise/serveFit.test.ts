// The Worker protocol driven through a plain object: snapshots, budgets and
// the step count line up with a fit run directly.
import { describe, expect, it } from 'vitest';
import { createWorkerFitDriver } from './driver';
import type { FitCall, FitPort, FitReply } from './protocol';
import { serveFit } from './serveFit';
import { HedgehogFit } from './session';

function pair(): FitPort {
  const worker = {
    onmessage: null as ((event: { readonly data: FitCall }) => void) | null,
    postMessage: (message: FitReply) => queueMicrotask(() => page.onmessage?.({ data: message })),
  };
  const page: FitPort = {
    onmessage: null,
    postMessage: (message: FitCall) => queueMicrotask(() => worker.onmessage?.({ data: message })),
  };
  serveFit(worker);
  return page;
}

describe('fit worker protocol', () => {
  const inputs = { seed: 42, n: 24, d: 8, temperature: 1, locality: 0.5, clustering: 0.5 };
  const settings = { r: 8, loss: 'output', lr: 0.1 } as const;

  it('starts at step 0 and advances by the asked steps', async () => {
    const driver = createWorkerFitDriver(pair());
    const start = await driver.start(inputs, settings);
    expect(start.step).toBe(0);
    expect(start.points.map((p) => p.step)).toEqual([0]);
    const next = await driver.advance(5, 1e9);
    expect(next.step).toBe(5);
    expect(next.points.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    const direct = HedgehogFit.fromInputs(inputs, settings);
    direct.advance(5);
    expect(next.points[4].loss).toBe(direct.history[5].loss);
    expect(Array.from(next.w)).toEqual(Array.from(direct.w));
    expect(Array.from(next.map)).toEqual(Array.from(direct.current.map));
  });

  it('stops a batch at the time budget, after at least one step', async () => {
    const driver = createWorkerFitDriver(pair());
    await driver.start(inputs, settings);
    const next = await driver.advance(1000, 0);
    expect(next.step).toBe(1);
  });

  it('a new start supersedes the old fit', async () => {
    const driver = createWorkerFitDriver(pair());
    await driver.start(inputs, settings);
    const pending = driver.advance(3, 1e9);
    const restarted = driver.start({ ...inputs, seed: 7 }, settings);
    await expect(pending).rejects.toThrow('superseded');
    const fresh = await restarted;
    expect(fresh.step).toBe(0);
    expect(fresh.points[0].loss).toBe(
      HedgehogFit.fromInputs({ ...inputs, seed: 7 }, settings).history[0].loss,
    );
  });
});
