import { beforeEach, describe, expect, it } from 'vitest';
import { clearValue, publishValue, useLiveValues } from './liveValues';

describe('liveValues', () => {
  beforeEach(() => useLiveValues.setState({ values: {} }));

  it('publishes, replaces and clears values by name', () => {
    publishValue('max-diff', '1.2e-7');
    publishValue('score-bytes', '4 MiB');
    expect(useLiveValues.getState().values).toEqual({ 'max-diff': '1.2e-7', 'score-bytes': '4 MiB' });
    publishValue('max-diff', '3.0e-7');
    expect(useLiveValues.getState().values['max-diff']).toBe('3.0e-7');
    clearValue('max-diff');
    expect(useLiveValues.getState().values).toEqual({ 'score-bytes': '4 MiB' });
  });

  it('does not notify subscribers when the text is unchanged', () => {
    let notifications = 0;
    const unsubscribe = useLiveValues.subscribe(() => notifications++);
    publishValue('run-ms', '2.0');
    publishValue('run-ms', '2.0');
    clearValue('absent');
    unsubscribe();
    expect(notifications).toBe(1);
  });
});
