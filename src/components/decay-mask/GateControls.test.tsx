import { beforeEach, describe, expect, it } from 'vitest';
import { useViewStore } from '../../state/store';
import { DEFAULT_VIEW } from '../../state/urlSchema';
import { english, renderView } from '../testing/renderView';
import { gateControlsFixture } from './fixture';
import { GateControls } from './GateControls';

beforeEach(() => useViewStore.setState({ ...DEFAULT_VIEW, gate: 'constant', gateStrength: 0.1, beta: 0.5 }));

describe('GateControls', () => {
  it('shows only the controls the variant reads, bound to the store', () => {
    const html = renderView(<GateControls {...gateControlsFixture} />);
    expect(html).toContain('Gated DeltaNet');
    expect(html).toContain(english('gating.strength'));
    expect(html).toContain('data-testid="gate-strength"');
    expect(html).toContain('aria-valuetext="0.1"');
    expect(html).toContain('data-testid="beta-slider"');
    expect(html).toContain('aria-valuetext="0.50"');
    expect(html).not.toContain('data-testid="gamma-slider"');
  });

  it('offers RetNet’s γ and nothing else', () => {
    const html = renderView(<GateControls variant="retnet" n={256} />);
    expect(html).toContain('data-testid="gamma-slider"');
    expect(html).not.toContain('data-testid="gate-strength"');
    expect(html).not.toContain('data-testid="beta-slider"');
  });
});
