import { describe, expect, it } from 'vitest';
import { english, renderView } from '../testing/renderView';
import { timingFixture } from './fixture';
import { TimingChart } from './TimingChart';

describe('TimingChart', () => {
  it('names the device, prints each curve’s slope, marks the crossover and tables every point', () => {
    const html = renderView(<TimingChart result={timingFixture} />);
    expect(html).toContain(english('timing.chartTitle'));
    expect(html).toContain('Test GPU');
    expect(html).toContain('data-curve="softmax parallel"');
    expect(html).toContain('data-slope="2.000"');
    expect(html).toContain('data-slope="1.000"');
    expect(html).toContain('data-testid="timing-chart-crossover"');
    expect(html).toContain('data-testid="timing-chart-table"');
  });
});
