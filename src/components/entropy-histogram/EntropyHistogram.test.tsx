import { describe, expect, it } from 'vitest';
import { renderView } from '../testing/renderView';
import { EntropyHistogram } from './EntropyHistogram';
import { entropyFixture } from './fixture';

describe('EntropyHistogram', () => {
  it('renders its title, each series with its mean, and the axis up to ln n', () => {
    const html = renderView(<EntropyHistogram {...entropyFixture} />);
    expect(html).toContain('Row entropy');
    expect(html).toContain('data-testid="entropy-histogram"');
    expect(html).toContain('elu + 1');
    expect(html).toContain('softmax');
    expect(html).toMatch(/1\.97|1\.98/);
    expect(html).toContain('0.85');
  });
});
