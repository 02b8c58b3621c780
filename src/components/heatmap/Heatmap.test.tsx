import { describe, expect, it } from 'vitest';
import { english, renderView } from '../testing/renderView';
import { heatmapFixture } from './fixture';
import { Heatmap } from './Heatmap';

describe('Heatmap', () => {
  it('renders the map with its accessible name, size, text alternative and legend', () => {
    const html = renderView(<Heatmap {...heatmapFixture} />);
    expect(html).toContain('role="application"');
    expect(html).toContain('aria-label="Softmax attention, n = 4"');
    expect(html).toContain('data-testid="heatmap"');
    expect(html).toContain('data-rows="4"');
    expect(html).toContain('data-draw="host"');
    // The host matrix is summarised at once: its largest weight 1 sits at (0, 0).
    expect(html).toContain('4×4 map. Largest weight 1 at query 0, key 0.');
    expect(html).toContain(english('heatmap.cellsCpu'));
    expect(html).toContain(english('heatmap.maskLegend'));
    expect(html).toContain('key j →');
    expect(html).toContain('query i →');
    expect(html).toContain(english('view.savePng'));
  });

  it('says why there is no map', () => {
    const empty = renderView(<Heatmap {...heatmapFixture} matrix={null} />);
    expect(empty).toContain('data-testid="heatmap-empty"');
    expect(empty).toContain(english('view.computing'));
    expect(renderView(<Heatmap {...heatmapFixture} matrix={null} unavailable />)).toContain(
      english('heatmap.unavailable'),
    );
  });
});
