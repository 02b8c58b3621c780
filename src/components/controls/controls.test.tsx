import { beforeEach, describe, expect, it } from 'vitest';
import { useViewStore } from '../../state/store';
import { DEFAULT_VIEW } from '../../state/urlSchema';
import { renderView } from '../testing/renderView';
import { continuousSlider, ladderSlider, segmentedOptions, storeSliderFixture } from './fixture';
import { Segmented } from './Segmented';
import { Slider } from './Slider';
import { StoreSlider } from './StoreSlider';
import { Toggle } from './Toggle';

beforeEach(() => useViewStore.setState({ ...DEFAULT_VIEW, notices: [] }));

describe('Slider', () => {
  it('labels a continuous range and prints its value with the step’s decimals', () => {
    const html = renderView(<Slider {...continuousSlider} />);
    expect(html).toContain('>Temperature</label>');
    expect(html).toContain('min="0.1"');
    expect(html).toContain('max="8"');
    expect(html).toContain('step="0.05"');
    expect(html).toContain('aria-valuetext="1.50"');
    expect(html).toContain('Divides the scores');
  });

  it('moves over a ladder of values by index', () => {
    const html = renderView(<Slider {...ladderSlider} />);
    expect(html).toContain('max="3"');
    expect(html).toContain('value="2"');
    expect(html).toContain('aria-valuetext="n = 256"');
  });
});

describe('StoreSlider', () => {
  it('binds a store field with its LIMITS range, clamped to a lab’s cap', () => {
    useViewStore.setState({ n: 4096 });
    const html = renderView(<StoreSlider {...storeSliderFixture} />);
    expect(html).toContain('>Sequence length n</label>');
    expect(html).toContain('data-testid="n-slider"');
    // Shown as the lab computes it: n = 4096 capped at 1024, the last rung of 8 … 1024.
    expect(html).toContain('aria-valuetext="1024"');
    expect(html).toMatch(/max="(\d+)"[^>]*value="\1"/);
  });

  it('adds a link’s off-ladder value to a list grid when asked to keep it', () => {
    useViewStore.setState({ lr: 0.3 });
    const kept = renderView(<StoreSlider field="lr" label="Learning rate" grid={[0.1, 1]} keepValue />);
    expect(kept).toContain('max="2"');
    expect(kept).toContain('value="1"');
    const snapped = renderView(<StoreSlider field="lr" label="Learning rate" grid={[0.1, 1]} />);
    expect(snapped).toContain('max="1"');
  });
});

describe('Segmented and Toggle', () => {
  it('name their options and state', () => {
    const segmented = renderView(
      <Segmented label="Feature map" value="relu" options={segmentedOptions} onChange={() => undefined} />,
    );
    expect(segmented).toContain('Feature map');
    expect(segmented).toContain('elu + 1');
    expect(segmented).toContain('ReLU');
    const toggle = renderView(
      <Toggle label="Causal" checked onChange={() => undefined} testId="causal-toggle" />,
    );
    expect(toggle).toContain('Causal');
    expect(toggle).toContain('checked=""');
    expect(toggle).toContain('data-testid="causal-toggle"');
  });
});
