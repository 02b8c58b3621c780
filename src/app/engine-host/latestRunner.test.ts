import { describe, expect, it } from 'vitest';
import { LatestRunner, type RunOutcome } from './latestRunner';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LatestRunner', () => {
  it('runs one at a time and skips keys superseded while waiting', async () => {
    const started: string[] = [];
    const outcomes: [RunOutcome<string>, boolean][] = [];
    const runner = new LatestRunner<string>((outcome, pending) => outcomes.push([outcome, pending]));
    const jobs = new Map<string, ReturnType<typeof deferred<string>>>();
    const job = (key: string) => () => {
      started.push(key);
      const d = deferred<string>();
      jobs.set(key, d);
      return d.promise;
    };
    runner.request('n=100', job('n=100'));
    runner.request('n=110', job('n=110'));
    runner.request('n=120', job('n=120'));
    runner.request('n=130', job('n=130'));
    expect(started).toEqual(['n=100']);
    jobs.get('n=100')!.resolve('map 100');
    await tick();
    expect(started).toEqual(['n=100', 'n=130']);
    expect(outcomes).toEqual([[{ key: 'n=100', value: 'map 100' }, true]]);
    jobs.get('n=130')!.resolve('map 130');
    await tick();
    expect(outcomes[1]).toEqual([{ key: 'n=130', value: 'map 130' }, false]);
  });

  it('does not rerun the latest key, but does after invalidate()', async () => {
    let runs = 0;
    const runner = new LatestRunner<number>(() => {});
    const fn = async () => ++runs;
    runner.request('a', fn);
    await tick();
    runner.request('a', fn);
    await tick();
    expect(runs).toBe(1);
    runner.invalidate();
    runner.request('a', fn);
    await tick();
    expect(runs).toBe(2);
  });

  it('reports errors, thrown or rejected, as outcomes', async () => {
    const outcomes: RunOutcome<number>[] = [];
    const runner = new LatestRunner<number>((outcome) => outcomes.push(outcome));
    runner.request('x', () => {
      throw new Error('too big');
    });
    await tick();
    runner.request('y', () => Promise.reject(new Error('lost')));
    await tick();
    expect(outcomes.map((o) => o.error?.message)).toEqual(['too big', 'lost']);
  });

  it('drops everything after dispose and aborts the run in flight', async () => {
    const outcomes: RunOutcome<number>[] = [];
    const runner = new LatestRunner<number>((outcome) => outcomes.push(outcome));
    let signal: AbortSignal | undefined;
    const d = deferred<number>();
    runner.request('a', (s) => {
      signal = s;
      return d.promise;
    });
    runner.dispose();
    d.resolve(1);
    await tick();
    expect(signal?.aborted).toBe(true);
    expect(outcomes).toEqual([]);
  });
});
