// Export buttons as a chart shows them: CSV and JSON of two numbers, and an
// SVG drawing to save as PNG or SVG.
import { createRef } from 'react';
import type { ExportButtonsProps } from './ExportButtons';

export const exportFixture: ExportButtonsProps = {
  fileStem: 'Timing sweep (n ≤ 4096)',
  svgRef: createRef<SVGSVGElement>(),
  csv: () => 'n,ms\n256,1.5\n',
  json: () => ({ n: 256, ms: 1.5 }),
  testId: 'chart-export',
};
