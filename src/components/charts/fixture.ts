// A line chart as a lab shows it: two curves over n on log axes, with a marker.
import type { LineChartProps } from './LineChart';

export const lineChartFixture: LineChartProps = {
  title: 'Memory against n',
  series: [
    {
      id: 'scores',
      label: 'n×n scores',
      points: [
        { x: 64, y: 16384 },
        { x: 128, y: 65536 },
        { x: 256, y: 262144 },
      ],
    },
    {
      id: 'qkv',
      label: 'Q, K, V and O',
      dashed: true,
      points: [
        { x: 64, y: 32768 },
        { x: 128, y: 65536 },
        { x: 256, y: 131072 },
      ],
    },
  ],
  xLabel: 'n',
  yLabel: 'bytes',
  xAxis: 'log2',
  yAxis: 'log2',
  markerX: 128,
  testId: 'memory-chart',
};
