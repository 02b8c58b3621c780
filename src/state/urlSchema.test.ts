import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  LIMITS,
  MAX_QUERY_LENGTH,
  displayRaw,
  normalizeViewState,
  parseViewState,
  serializeViewState,
  viewStateSchema,
  type Correction,
} from './urlSchema';
import type { ViewState } from './types';

const reasonsOf = (corrections: readonly Correction[]) => corrections.map((c) => `${c.key}:${c.reason}`);

describe('parseViewState', () => {
  it('opens the default view for an empty query, with no corrections', () => {
    const { state, corrections } = parseViewState('');
    expect(state).toEqual(DEFAULT_VIEW);
    expect(corrections).toEqual([]);
  });

  it('reads every field of a valid link', () => {
    const { state, corrections } = parseViewState(
      '?lesson=reorder&step=2&lang=zh&theme=dark&gpu=0&seed=7&n=512&d=64&temperature=1.5&locality=0.25' +
        '&clustering=0.5&variant=linear&form=chunk&causal=0&featureMap=relu&window=32&chunk=128&t=300' +
        '&m=32&p=2.5&gamma=0.9&gate=forget&gateStrength=2&forgetAt=40&beta=0.25' +
        '&sweep=softmax.flash,linear.chunk&sweepMaxN=4096&sweepBudgetS=30' +
        '&pattern=lsh&block=32&globals=3&buckets=16&kproj=48&landmarks=8&pairs=100&normalize=1&mix=-1.5' +
        '&rank=8&fitLoss=weights&lr=0.05&devices=8&examples=40&precond=0.75&noise=0.1',
    );
    expect(corrections).toEqual([]);
    expect(state).toEqual<ViewState>({
      lesson: 'reorder',
      step: 2,
      lang: 'zh',
      theme: 'dark',
      gpu: false,
      seed: 7,
      n: 512,
      d: 64,
      temperature: 1.5,
      locality: 0.25,
      clustering: 0.5,
      variant: 'linear',
      form: 'chunk',
      causal: false,
      featureMap: 'relu',
      window: 32,
      chunk: 128,
      t: 300,
      m: 32,
      p: 2.5,
      gamma: 0.9,
      gate: 'forget',
      gateStrength: 2,
      forgetAt: 40,
      beta: 0.25,
      sweepCases: [
        { variant: 'softmax', form: 'flash' },
        { variant: 'linear', form: 'chunk' },
      ],
      sweepMaxN: 4096,
      sweepBudgetS: 30,
      pattern: 'lsh',
      block: 32,
      globals: 3,
      buckets: 16,
      kproj: 48,
      landmarks: 8,
      pairs: 100,
      normalize: true,
      mix: -1.5,
      rank: 8,
      fitLoss: 'weights',
      lr: 0.05,
      devices: 8,
      examples: 40,
      precond: 0.75,
      noise: 0.1,
    });
  });

  it('forces the only causal setting a variant has (rala is non-causal only)', () => {
    const { state, corrections } = parseViewState('?variant=rala&causal=1');
    expect(state.causal).toBe(false);
    expect(corrections).toEqual([{ key: 'causal', raw: 'true', shown: 'false', reason: 'incompatible' }]);
  });

  it('clamps the gate token, snaps m to a power of two and rejects unknown gates', () => {
    const { state } = parseViewState('?n=64&forgetAt=50000&m=50&gate=sideways');
    expect(state.forgetAt).toBe(LIMITS.forgetAt.max);
    expect(state.m).toBe(64);
    expect(state.gate).toBe('constant');
  });

  it('clamps n=-5 to the minimum and reports it', () => {
    const { state, corrections } = parseViewState('n=-5');
    expect(state.n).toBe(LIMITS.n.min);
    expect(corrections).toEqual([
      { key: 'n', raw: '-5', shown: String(LIMITS.n.min), reason: 'out-of-range' },
    ]);
  });

  it('clamps n=1e9 to the maximum and reports it', () => {
    const { state, corrections } = parseViewState('n=1e9');
    expect(state.n).toBe(LIMITS.n.max);
    expect(corrections).toEqual([
      { key: 'n', raw: '1e9', shown: String(LIMITS.n.max), reason: 'out-of-range' },
    ]);
  });

  it('falls back to the default for NaN, Infinity, hex and empty numbers', () => {
    for (const raw of ['NaN', 'Infinity', '-Infinity', '0x10', '', 'abc', '1,5']) {
      const { state, corrections } = parseViewState(`n=${encodeURIComponent(raw)}`);
      expect(state.n, raw).toBe(LIMITS.n.default);
      expect(reasonsOf(corrections), raw).toEqual(['n:invalid']);
    }
  });

  it('snaps numbers to the slider grid: integers, steps and powers of two', () => {
    const { state, corrections } = parseViewState('n=100.6&temperature=1.234&chunk=100&sweepMaxN=3000');
    expect(state.n).toBe(101);
    expect(state.temperature).toBe(1.25);
    expect(state.chunk).toBe(128);
    expect(state.sweepMaxN).toBe(4096);
    expect(reasonsOf(corrections)).toEqual([
      'n:adjusted',
      'temperature:adjusted',
      'chunk:adjusted',
      'sweepMaxN:adjusted',
    ]);
  });

  it('corrects each field on its own, keeping the valid ones', () => {
    const { state } = parseViewState('n=-5&d=48&seed=banana&lesson=rnn');
    expect(state.n).toBe(LIMITS.n.min);
    expect(state.d).toBe(48);
    expect(state.seed).toBe(LIMITS.seed.default);
    expect(state.lesson).toBe('rnn');
  });

  it('opens the landing page for an unknown lesson and says so', () => {
    const { state, corrections } = parseViewState('lesson=not-a-lesson&n=300');
    expect(state.lesson).toBeNull();
    expect(state.n).toBe(300);
    expect(reasonsOf(corrections)).toEqual(['lesson:unknown-value']);
  });

  it('treats a lesson missing from this build as unknown', () => {
    const { state, corrections } = parseViewState('lesson=timing', {
      lessonSteps: (id) => (id === 'timing' ? undefined : 3),
    });
    expect(state.lesson).toBeNull();
    expect(reasonsOf(corrections)).toEqual(['lesson:unknown-value']);
  });

  it('clamps the step to the lesson and to 0 on the landing page', () => {
    const steps = { lessonSteps: () => 3 };
    expect(parseViewState('lesson=rnn&step=9', steps).state.step).toBe(2);
    expect(reasonsOf(parseViewState('lesson=rnn&step=9', steps).corrections)).toEqual(['step:incompatible']);
    expect(parseViewState('step=2', steps).state.step).toBe(0);
  });

  it('keeps the first of duplicate keys and reports the others', () => {
    const { state, corrections } = parseViewState('n=300&n=9000&n=12');
    expect(state.n).toBe(300);
    expect(corrections).toEqual([{ key: 'n', raw: '9000, 12', shown: '300', reason: 'duplicate' }]);
  });

  it('never lets script text through: unknown values fall back and the quote is sanitised', () => {
    const hostile = '<script>alert(1)</script>';
    const { state, corrections } = parseViewState(
      `lesson=${encodeURIComponent(hostile)}&lang=${encodeURIComponent(hostile)}`,
    );
    expect(state.lesson).toBeNull();
    expect(state.lang).toBe('en');
    for (const c of corrections) {
      expect(c.raw.length).toBeLessThanOrEqual(25);
      expect(c.raw).not.toContain('</script>');
    }
    expect(JSON.stringify(state)).not.toContain('script');
  });

  it('reports unknown keys once, listing at most three, sanitised', () => {
    const { corrections } = parseViewState('a=1&b=2&%0Aevil%00key=3&d2=4&n=300');
    expect(corrections).toEqual([{ key: 'a, b, evil key (+1)', raw: '', shown: '', reason: 'unknown-key' }]);
  });

  it('survives __proto__ and constructor keys without touching prototypes', () => {
    const { state, corrections } = parseViewState('__proto__=x&constructor=y&n=300');
    expect(state.n).toBe(300);
    expect(reasonsOf(corrections)).toEqual(['__proto__, constructor:unknown-key']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('rejects huge values and cuts a huge query', () => {
    const big = 'x'.repeat(100_000);
    const { state, corrections } = parseViewState(`seed=${'9'.repeat(600)}&theme=${big}`);
    expect(state.seed).toBe(LIMITS.seed.default);
    expect(state.theme).toBe('system');
    expect(reasonsOf(corrections)).toEqual([':too-long', 'theme:unknown-value', 'seed:invalid']);
    expect(corrections.every((c) => c.raw.length <= 25)).toBe(true);
    expect(MAX_QUERY_LENGTH).toBeLessThan(100_000);
  });

  it('fixes a form the variant does not offer and t beyond n', () => {
    const { state, corrections } = parseViewState('variant=softmax&form=chunk&n=64&t=500');
    expect(state.form).toBe('parallel');
    expect(state.t).toBe(64);
    expect(reasonsOf(corrections)).toEqual(['form:incompatible', 't:incompatible']);
  });

  it('rejects variants the contract does not name', () => {
    const { state, corrections } = parseViewState('variant=hla3');
    expect(state.variant).toBe('softmax');
    expect(reasonsOf(corrections)).toEqual(['variant:unknown-value']);
  });

  it('keeps valid sweep cases, dropping unknown, unsupported and repeated ones', () => {
    const { state, corrections } = parseViewState(
      'sweep=linear.chunk,bogus,softmax.chunk,linear.chunk,softmax.flash',
    );
    expect(state.sweepCases).toEqual([
      { variant: 'linear', form: 'chunk' },
      { variant: 'softmax', form: 'flash' },
    ]);
    expect(reasonsOf(corrections)).toEqual(['sweep:adjusted']);
    expect(parseViewState('sweep=nothing.here').state.sweepCases).toEqual(DEFAULT_VIEW.sweepCases);
  });

  it('accepts language aliases and falls back to the browser language', () => {
    expect(parseViewState('lang=zh-CN').state.lang).toBe('zh');
    expect(parseViewState('', { fallbackLang: 'zh' }).state.lang).toBe('zh');
    expect(parseViewState('lang=en', { fallbackLang: 'zh' }).state.lang).toBe('en');
    expect(reasonsOf(parseViewState('lang=fr').corrections)).toEqual(['lang:unknown-value']);
  });

  it('always returns a state that satisfies the strict schema', () => {
    const links = [
      '',
      'n=-5',
      'n=1e9&t=1e9',
      'lesson=%3Cb%3E',
      'chunk=0&window=-1&d=1e300',
      'temperature=-0&locality=2',
    ];
    for (const link of links) {
      expect(viewStateSchema.safeParse(parseViewState(link).state).success, link).toBe(true);
    }
  });
});

describe('serializeViewState', () => {
  it('writes only lang for the default view', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe('lang=en');
  });

  it('writes keys in a fixed order whatever the order of the input', () => {
    const a = parseViewState('n=300&lesson=rnn&seed=9&step=1').state;
    const b = parseViewState('step=1&seed=9&lesson=rnn&n=300').state;
    expect(serializeViewState(a)).toBe('lesson=rnn&step=1&lang=en&seed=9&n=300');
    expect(serializeViewState(b)).toBe(serializeViewState(a));
  });

  it('round-trips: parse(serialize(state)) gives the same state with no corrections', () => {
    const state: ViewState = {
      ...DEFAULT_VIEW,
      lesson: 'timing',
      step: 1,
      lang: 'zh',
      theme: 'light',
      gpu: false,
      n: 1000,
      temperature: 2.35,
      locality: 0.07,
      variant: 'linear',
      form: 'chunk',
      causal: false,
      gate: 'data',
      gamma: 0.9,
      m: 128,
      sweepCases: [{ variant: 'linear', form: 'recurrent' }],
    };
    const link = serializeViewState(state);
    const parsed = parseViewState(link);
    expect(parsed.corrections).toEqual([]);
    expect(parsed.state).toEqual(state);
  });
});

describe('step defaults as the base of a link', () => {
  const stepDefaults = (lesson: string, step: number): Partial<ViewState> | undefined =>
    lesson === 'rnn' && step === 1
      ? { n: 64, variant: 'linear', form: 'recurrent', causal: true }
      : undefined;
  const options = { stepDefaults, lessonSteps: () => 3 };

  it('fills the controls a link leaves out with the values of the step it names', () => {
    const { state, corrections } = parseViewState('lesson=rnn&step=1', options);
    expect(corrections).toEqual([]);
    expect(state).toMatchObject({ n: 64, variant: 'linear', form: 'recurrent', d: DEFAULT_VIEW.d });
    expect(parseViewState('lesson=rnn&step=0', options).state.n).toBe(DEFAULT_VIEW.n);
  });

  it('lets the link override them, and falls back to them for invalid values', () => {
    expect(parseViewState('lesson=rnn&step=1&n=100', options).state.n).toBe(100);
    const { state, corrections } = parseViewState('lesson=rnn&step=1&n=abc', options);
    expect(state.n).toBe(64);
    expect(corrections).toEqual([{ key: 'n', raw: 'abc', shown: '64', reason: 'invalid' }]);
  });

  it('leaves out of the canonical link what equals the step values, and round-trips', () => {
    const view: ViewState = {
      ...DEFAULT_VIEW,
      lesson: 'rnn',
      step: 1,
      n: 64,
      variant: 'linear',
      form: 'recurrent',
      d: 16,
    };
    const link = serializeViewState(view, options);
    expect(link).toBe('lesson=rnn&step=1&lang=en&d=16');
    expect(parseViewState(link, options).state).toEqual(view);
    // A value the step does not set, but equal to the app default, is left out too.
    expect(serializeViewState({ ...view, d: DEFAULT_VIEW.d }, options)).toBe('lesson=rnn&step=1&lang=en');
    // Differing from the step value, equal to the app default: written.
    expect(serializeViewState({ ...view, n: DEFAULT_VIEW.n }, options)).toBe(
      `lesson=rnn&step=1&lang=en&n=${DEFAULT_VIEW.n}&d=16`,
    );
  });
});

describe('normalizeViewState', () => {
  it('clamps a patched state through the same schema', () => {
    const { state, corrections } = normalizeViewState({
      ...DEFAULT_VIEW,
      n: 99999,
      temperature: 0.1 + 0.2,
      t: 5000,
    });
    expect(state.n).toBe(LIMITS.n.max);
    expect(state.temperature).toBe(0.3);
    expect(state.t).toBe(5000);
    expect(reasonsOf(corrections)).toContain('n:out-of-range');
  });

  it('replaces NaN with the default', () => {
    expect(normalizeViewState({ ...DEFAULT_VIEW, d: Number.NaN }).state.d).toBe(LIMITS.d.default);
  });
});

describe('displayRaw', () => {
  it('strips control characters and truncates', () => {
    expect(displayRaw('a\u0000b\nc\u202Ed')).toBe('a b c d');
    expect(displayRaw('y'.repeat(50))).toBe(`${'y'.repeat(24)}…`);
  });
});
