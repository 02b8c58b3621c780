// A heatmap as a lab shows it: a 4×4 causal attention map from host memory
// (each row sums to 1, the largest weight 1 at query 0, key 0).
import { hostMatrix } from '../../engine';
import type { HeatmapProps } from './Heatmap';

const weights = new Float64Array([1, 0, 0, 0, 0.25, 0.75, 0, 0, 0.2, 0.3, 0.5, 0, 0.1, 0.2, 0.3, 0.4]);

export const heatmapFixture: HeatmapProps = {
  matrix: hostMatrix(weights, 4, 4),
  causal: true,
  label: 'Softmax attention, n = 4',
  rowName: 'query',
  colName: 'key',
  valueLabel: 'weight',
  testId: 'heatmap',
};
