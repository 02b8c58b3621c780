import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UrlEnvironment } from './urlSync';

import { registerLessons } from './lessonCatalog';
import { getLesson } from './testLessons';

registerLessons(getLesson);

const { useViewStore, selectView } = await import('./store');
const { DEFAULT_VIEW } = await import('./urlSchema');
const { startUrlSync, browserLang } = await import('./urlSync');

/** A fake browser history: a stack of query strings with a cursor, like the real one. */
class FakeBrowser {
  entries: string[];
  index = 0;
  clock = 0;
  private listeners: (() => void)[] = [];
  pushes = 0;
  press: number | null = null;

  constructor(search: string) {
    this.entries = [search];
  }

  get search(): string {
    return this.entries[this.index];
  }

  env(preferredLang: 'en' | 'zh' = 'en'): UrlEnvironment {
    const write = (url: string | URL | null | undefined): string => {
      const text = String(url);
      return text.slice(text.indexOf('?'));
    };
    return {
      history: {
        pushState: (_data, _unused, url) => {
          this.entries = [...this.entries.slice(0, this.index + 1), write(url)];
          this.index += 1;
          this.pushes += 1;
        },
        replaceState: (_data, _unused, url) => {
          this.entries[this.index] = write(url);
        },
      },
      location: {
        get search() {
          return browser.search;
        },
        pathname: '/app/',
        hash: '',
      },
      onPopState: (listener) => {
        this.listeners.push(listener);
        return () => {
          this.listeners = this.listeners.filter((l) => l !== listener);
        };
      },
      now: () => this.clock,
      currentPress: () => this.press,
      preferredLang,
    };
  }

  back(): void {
    this.index -= 1;
    for (const listener of this.listeners) listener();
  }

  forward(): void {
    this.index += 1;
    for (const listener of this.listeners) listener();
  }
}

let browser: FakeBrowser;
let stop: () => void = () => {};

beforeEach(() => {
  useViewStore.setState({ ...DEFAULT_VIEW, notices: [] });
});
afterEach(() => stop());

describe('startUrlSync', () => {
  it('loads the link into the store and rewrites it canonically', () => {
    browser = new FakeBrowser('?n=300&lesson=rnn');
    stop = startUrlSync(browser.env());
    expect(useViewStore.getState()).toMatchObject({ lesson: 'rnn', n: 300 });
    expect(browser.entries).toEqual(['?lesson=rnn&lang=en&n=300']);
    expect(useViewStore.getState().notices).toEqual([]);
  });

  it('opens a hand-written step link with the step’s control values', () => {
    browser = new FakeBrowser('?lesson=softmax-wall&step=1');
    stop = startUrlSync(browser.env());
    expect(useViewStore.getState()).toMatchObject({ step: 1, n: 512, variant: 'linear', form: 'chunk' });
    expect(browser.search).toBe('?lesson=softmax-wall&step=1&lang=en');
    useViewStore.getState().setView({ n: 600 });
    expect(browser.search).toBe('?lesson=softmax-wall&step=1&lang=en&n=600');
  });

  it('turns corrections of a hostile link into notices and never keeps the raw text', () => {
    browser = new FakeBrowser(`?n=-5&lesson=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    stop = startUrlSync(browser.env());
    const texts = useViewStore.getState().notices.map((n) => n.text);
    expect(texts).toEqual([
      'There is no lesson “<img src=x onerror=alert…” here; showing the course map.',
      'n=-5 is out of range; showing n=8.',
    ]);
    expect(browser.search).toBe('?lang=en&n=8');
  });

  it('writes notices in the link language', () => {
    browser = new FakeBrowser('?lang=zh&n=1e9');
    stop = startUrlSync(browser.env());
    expect(useViewStore.getState().notices.map((n) => n.text)).toEqual([
      'n=1e9 超出范围；改为显示 n=16384。',
    ]);
  });

  it('uses the browser language when the link has none', () => {
    browser = new FakeBrowser('');
    stop = startUrlSync(browser.env('zh'));
    expect(useViewStore.getState().lang).toBe('zh');
    expect(browser.search).toBe('?lang=zh');
  });

  it('makes one history entry for a slider drag and a new one after a pause', () => {
    browser = new FakeBrowser('?lesson=rnn');
    stop = startUrlSync(browser.env());
    for (let n = 100; n <= 200; n += 10) {
      browser.clock += 16;
      useViewStore.getState().setView({ n });
    }
    expect(browser.entries).toEqual(['?lesson=rnn&lang=en', '?lesson=rnn&lang=en&n=200']);
    browser.clock += 1000;
    useViewStore.getState().setView({ n: 250 });
    expect(browser.entries.length).toBe(3);
    expect(browser.search).toBe('?lesson=rnn&lang=en&n=250');
  });

  it('makes one entry for a slow or janky pointer drag, and a new one for the next press', () => {
    browser = new FakeBrowser('?lesson=rnn');
    stop = startUrlSync(browser.env());
    browser.press = 1;
    for (const n of [100, 120, 140]) {
      browser.clock += 900; // the main thread was busy between two moves
      useViewStore.getState().setView({ n });
    }
    browser.press = null;
    expect(browser.entries).toEqual(['?lesson=rnn&lang=en', '?lesson=rnn&lang=en&n=140']);
    browser.press = 2;
    browser.clock += 100;
    useViewStore.getState().setView({ n: 160 });
    expect(browser.entries.length).toBe(3);
  });

  it('pushes every step change even in quick succession', () => {
    browser = new FakeBrowser('?lesson=softmax-wall');
    stop = startUrlSync(browser.env());
    useViewStore.getState().goToStep('softmax-wall', 1);
    browser.clock += 10;
    useViewStore.getState().goToStep('softmax-wall', 2);
    expect(browser.pushes).toBe(2);
  });

  it('does not write when nothing in the view changed', () => {
    browser = new FakeBrowser('?n=300');
    stop = startUrlSync(browser.env());
    useViewStore.getState().pushNotice({ kind: 'info', text: 'hello' });
    useViewStore.getState().setView({ n: 300 });
    expect(browser.pushes).toBe(0);
  });

  it('restores the view on back and forward without adding entries', () => {
    browser = new FakeBrowser('?lesson=rnn');
    stop = startUrlSync(browser.env());
    browser.clock = 1000;
    useViewStore.getState().setView({ n: 500 });
    browser.clock = 2000;
    useViewStore.getState().setView({ d: 64 });
    expect(browser.entries.length).toBe(3);

    browser.back();
    expect(selectView(useViewStore.getState())).toMatchObject({ n: 500, d: DEFAULT_VIEW.d });
    browser.back();
    expect(useViewStore.getState().n).toBe(DEFAULT_VIEW.n);
    browser.forward();
    browser.forward();
    expect(useViewStore.getState()).toMatchObject({ n: 500, d: 64 });
    expect(browser.entries.length).toBe(3);
    expect(browser.pushes).toBe(2);
  });
});

describe('browserLang', () => {
  it('picks the first English or Chinese tag', () => {
    expect(browserLang(['zh-CN', 'en'])).toBe('zh');
    expect(browserLang(['fr', 'zh-TW'])).toBe('zh');
    expect(browserLang(['fr', 'de'])).toBe('en');
    expect(browserLang(['en-GB', 'zh'])).toBe('en');
  });
});
