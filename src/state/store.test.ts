import { beforeEach, describe, expect, it } from 'vitest';

import { registerLessons } from './lessonCatalog';
import { getLesson } from './testLessons';

registerLessons(getLesson);

const { useViewStore, selectView } = await import('./store');
const { DEFAULT_VIEW, LIMITS } = await import('./urlSchema');

beforeEach(() => {
  useViewStore.setState({ ...DEFAULT_VIEW, notices: [] });
});

describe('setView', () => {
  it('merges a patch', () => {
    useViewStore.getState().setView({ n: 300, d: 16 });
    expect(selectView(useViewStore.getState())).toEqual({ ...DEFAULT_VIEW, n: 300, d: 16 });
  });

  it('clamps through the schema and returns the corrections', () => {
    const corrections = useViewStore.getState().setView({ n: -5, temperature: 100 });
    expect(useViewStore.getState().n).toBe(LIMITS.n.min);
    expect(useViewStore.getState().temperature).toBe(LIMITS.temperature.max);
    expect(corrections.map((c) => `${c.key}:${c.reason}`)).toEqual([
      'n:out-of-range',
      'temperature:out-of-range',
    ]);
  });

  it('keeps t within n when n shrinks', () => {
    useViewStore.getState().setView({ n: 400, t: 300 });
    useViewStore.getState().setView({ n: 100 });
    expect(useViewStore.getState().t).toBe(100);
  });

  it("clamps n to the lesson's cap (meta.maxN) and says so", () => {
    useViewStore.getState().setView({ lesson: 'rnn', step: 0, n: 256 });
    const corrections = useViewStore.getState().setView({ n: 4096 });
    expect(useViewStore.getState().n).toBe(512);
    expect(corrections).toEqual([{ key: 'n', raw: '4096', shown: '512', reason: 'lesson-cap' }]);
    // Outside a capped lesson the slider's range is the only limit.
    useViewStore.getState().setView({ lesson: 'softmax-wall', step: 2, n: 4096 });
    expect(useViewStore.getState().n).toBe(4096);
  });

  it('reports one correction when n is both out of range and above the cap', () => {
    const corrections = useViewStore.getState().setView({ lesson: 'rnn', step: 0, n: 10 ** 9 });
    expect(useViewStore.getState().n).toBe(512);
    expect(corrections.filter((c) => c.key === 'n')).toEqual([
      { key: 'n', raw: '1000000000', shown: '512', reason: 'out-of-range' },
    ]);
  });

  it('clamps the step to the lesson', () => {
    useViewStore.getState().setView({ lesson: 'softmax-wall', step: 7 });
    expect(useViewStore.getState().step).toBe(2);
  });
});

describe('goToStep', () => {
  it('applies the step defaults from the lesson meta', () => {
    useViewStore.getState().setView({ seed: 9 });
    useViewStore.getState().goToStep('softmax-wall', 1);
    const view = selectView(useViewStore.getState());
    expect(view).toMatchObject({
      lesson: 'softmax-wall',
      step: 1,
      n: 512,
      variant: 'linear',
      form: 'chunk',
      seed: 9,
    });
  });

  it('keeps the current controls for a step without defaults', () => {
    useViewStore.getState().goToStep('softmax-wall', 0);
    useViewStore.getState().setView({ n: 200 });
    useViewStore.getState().goToStep('softmax-wall', 2);
    expect(useViewStore.getState()).toMatchObject({ step: 2, n: 200, causal: false });
  });

  it('goes to the course map for null or a lesson not in the build', () => {
    useViewStore.getState().goToStep('rnn', 0);
    expect(useViewStore.getState().t).toBe(10);
    useViewStore.getState().goToStep(null, 3);
    expect(useViewStore.getState()).toMatchObject({ lesson: null, step: 0 });
    useViewStore.getState().goToStep('timing', 1);
    expect(useViewStore.getState()).toMatchObject({ lesson: null, step: 0 });
  });
});

describe('notices', () => {
  it('pushes, deduplicates by text and dismisses', () => {
    const { pushNotice, dismissNotice } = useViewStore.getState();
    const a = pushNotice({ kind: 'warning', text: 'n=-5 is out of range' });
    const again = pushNotice({ kind: 'warning', text: 'n=-5 is out of range' });
    const b = pushNotice({ kind: 'info', text: 'other' });
    expect(again).toBe(a);
    expect(useViewStore.getState().notices.map((n) => n.text)).toEqual(['n=-5 is out of range', 'other']);
    dismissNotice(a);
    expect(useViewStore.getState().notices).toEqual([{ id: b, kind: 'info', text: 'other' }]);
  });

  it('replaces the text of a notice pushed again with the same id', () => {
    const { pushNotice } = useViewStore.getState();
    pushNotice({ id: 'engine', kind: 'info', text: 'starting' });
    pushNotice({ id: 'engine', kind: 'error', text: 'failed' });
    expect(useViewStore.getState().notices).toEqual([{ id: 'engine', kind: 'error', text: 'failed' }]);
  });
});
