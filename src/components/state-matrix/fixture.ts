// The state matrix as lesson 4 shows it: S_t (2×2) after token 3 of 4, with
// ‖S_t‖_F for every t.
import { hostMatrix } from '../../engine';
import type { StateMatrixViewProps } from './StateMatrixView';

export const stateMatrixFixture: StateMatrixViewProps = {
  state: hostMatrix(new Float64Array([0.5, -0.25, 1, 0.75]), 2, 2),
  t: 3,
  n: 4,
  onTChange: () => undefined,
  norms: [0.4, 0.9, 1.4, 1.8],
  testId: 'state',
};
