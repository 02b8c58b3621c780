import { describe, expect, it } from 'vitest';
import { renderView } from '../testing/renderView';
import { spectrumFixture } from './fixture';
import { SpectrumChart } from './SpectrumChart';

describe('SpectrumChart', () => {
  it('renders its title, series, marks and a table of the singular values', () => {
    const html = renderView(<SpectrumChart {...spectrumFixture} />);
    expect(html).toContain('Singular values');
    expect(html).toContain('data-testid="spectrum-chart"');
    expect(html).toContain('elu + 1 map');
    expect(html).toContain('softmax');
    expect(html).toContain('effective rank 1.7');
    expect(html).toContain('<table');
  });
});
