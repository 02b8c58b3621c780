// A spectrum as the feature-map labs show it: the singular values of an
// implied map beside softmax's, with the effective rank marked.
import type { SpectrumChartProps } from './SpectrumChart';

export const spectrumFixture: SpectrumChartProps = {
  title: 'Singular values',
  series: [
    { id: 'map', label: 'elu + 1 map', values: new Float64Array([4, 1, 0.25, 1e-3]) },
    { id: 'softmax', label: 'softmax', values: new Float64Array([3, 2, 1, 0.5]) },
  ],
  marks: [{ id: 'erank', x: 1.7, label: 'effective rank 1.7', series: 0 }],
  tolerance: 1e-6,
  testId: 'spectrum-chart',
};
