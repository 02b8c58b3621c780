import { describe, expect, it } from 'vitest';
import { renderView } from '../testing/renderView';
import { ErrorSweepChart } from './ErrorSweepChart';
import { errorSweepFixture } from './fixture';

describe('ErrorSweepChart', () => {
  it('renders its title and every m with its error', () => {
    const html = renderView(<ErrorSweepChart {...errorSweepFixture} />);
    expect(html).toContain('Error against m');
    expect(html).toContain('data-testid="sweep-chart"');
    for (const m of ['16', '64', '256']) expect(html).toContain(`>${m}<`);
    expect(html).toContain('0.125');
  });
});
