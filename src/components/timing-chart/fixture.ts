// A timing sweep as lesson 8 shows it: softmax's parallel form growing like n²
// and linear attention's recurrent form like n, crossing between n = 256 and
// n = 512.
import type { SweepResult } from '../../engine';

const point = (variant: 'softmax' | 'linear', form: 'parallel' | 'recurrent', n: number, ms: number) => ({
  variant,
  form,
  n,
  heads: 1,
  dk: 32,
  dv: 32,
  ms,
  msMin: ms * 0.9,
  msMax: ms * 1.1,
  samples: [ms * 0.9, ms, ms * 1.1],
  bytes: n * n * 4,
});

export const timingFixture: SweepResult = {
  backend: 'webgpu',
  deviceName: 'Test GPU',
  timing: 'timestamp-query',
  resolutionMs: 0.001,
  points: [
    point('softmax', 'parallel', 128, 0.25),
    point('softmax', 'parallel', 256, 1),
    point('softmax', 'parallel', 512, 4),
    point('linear', 'recurrent', 128, 0.75),
    point('linear', 'recurrent', 256, 1.5),
    point('linear', 'recurrent', 512, 3),
  ],
  skipped: [],
};
