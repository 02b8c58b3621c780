// Row entropies as the feature-map labs show them: an implied map whose rows
// are flatter than softmax's, over n = 8 (ln 8 the uniform row's entropy).
import type { EntropyHistogramProps } from './EntropyHistogram';

export const entropyFixture: EntropyHistogramProps = {
  title: 'Row entropy',
  series: [
    { id: 'map', label: 'elu + 1', entropy: [1.9, 2.0, 2.05, 1.95], mean: 1.975 },
    { id: 'softmax', label: 'softmax', entropy: [0.5, 0.9, 1.2, 0.8], mean: 0.85 },
  ],
  maxEntropy: Math.log(8),
  testId: 'entropy-histogram',
};
