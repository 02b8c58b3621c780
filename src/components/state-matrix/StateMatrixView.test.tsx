import { describe, expect, it } from 'vitest';
import { english, renderView } from '../testing/renderView';
import { stateMatrixFixture } from './fixture';
import { StateMatrixView } from './StateMatrixView';

describe('StateMatrixView', () => {
  it('renders the scrubber at t, the play button, S_t and its norm over t', () => {
    const html = renderView(<StateMatrixView {...stateMatrixFixture} />);
    expect(html).toContain(english('state.t'));
    expect(html).toContain('aria-valuetext="3 / 4"');
    expect(html).toContain('data-testid="state-play"');
    expect(html).toContain(english('view.play'));
    expect(html).toContain(`aria-label="${english('state.label', { t: 3 })}"`);
    expect(html).toContain('data-testid="state-heatmap"');
    expect(html).toContain('data-rows="2"');
    expect(html).toContain(english('state.normTitle'));
    expect(html).toContain('data-testid="state-norms"');
  });
});
