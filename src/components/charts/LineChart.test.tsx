import { describe, expect, it } from 'vitest';
import { renderView } from '../testing/renderView';
import { lineChartFixture } from './fixture';
import { LineChart } from './LineChart';

describe('LineChart', () => {
  it('renders its title, axis names, legend and a table of every point', () => {
    const html = renderView(<LineChart {...lineChartFixture} />);
    expect(html).toContain('Memory against n');
    expect(html).toContain('data-testid="memory-chart"');
    expect(html).toContain('n×n scores');
    expect(html).toContain('Q, K, V and O');
    expect(html).toContain('>bytes<');
    // The numbers table lists each n with both curves' values (3 significant digits).
    expect(html).toContain('<th scope="col">n</th><th scope="col">n×n scores</th>');
    expect(html).toContain('<tr><td>64</td><td>16400</td><td>32800</td></tr>');
    expect(html).toContain('<tr><td>256</td><td>262000</td><td>131000</td></tr>');
    expect(html).toContain('data-series="qkv"');
  });
});
