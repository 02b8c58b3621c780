import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { useViewStore } from '../../state/store';
import { DEFAULT_VIEW, LIMITS } from '../../state/urlSchema';
import { logGrid } from '../controls/sliderScale';
import { InputControls } from './InputControls';

/** Server rendering reads a zustand store's initial state; copy the current state into it first. */
function render(): string {
  Object.assign(useViewStore.getInitialState(), useViewStore.getState());
  return renderToStaticMarkup(<InputControls show={['n']} maxN={1024} />);
}

function nSlider(html: string): { shown: string; index: number; max: number } {
  const shown = /data-testid="n-slider-value"[^>]*>([^<]*)</.exec(html)?.[1];
  const input = /<input[^>]*data-testid="n-slider"[^>]*>/.exec(html)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`${name}="([^"]*)"`).exec(input)?.[1]);
  if (shown === undefined || !input) throw new Error(`no n slider in ${html}`);
  return { shown, index: attr('value'), max: attr('max') };
}

describe('InputControls under the CPU fallback’s cap', () => {
  beforeEach(() => useViewStore.setState({ ...DEFAULT_VIEW, notices: [] }));

  it('shows the n the lab computes (the cap), not the link’s larger n', () => {
    useViewStore.setState({ n: LIMITS.n.max });
    expect(LIMITS.n.max).toBeGreaterThan(1024);
    const slider = nSlider(render());
    const grid = logGrid(LIMITS.n.min, 1024);
    expect(slider.shown).toBe('1024');
    expect(slider.max).toBe(grid.length - 1);
    expect(grid[slider.index]).toBe(1024);
  });

  it('shows n itself below the cap', () => {
    useViewStore.setState({ n: 96 });
    const slider = nSlider(render());
    expect(slider.shown).toBe('96');
    expect(logGrid(LIMITS.n.min, 1024)[slider.index]).toBe(96);
  });
});
