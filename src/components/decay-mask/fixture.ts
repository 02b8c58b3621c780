// Gate controls as lesson 6 shows them: Gated DeltaNet (γ-free, a gate kind
// with its strength, and β) at n = 256.
import type { GateControlsProps } from './GateControls';

export const gateControlsFixture: GateControlsProps = { variant: 'gated-deltanet', n: 256 };
