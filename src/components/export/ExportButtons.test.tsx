import { describe, expect, it } from 'vitest';
import { english, renderView } from '../testing/renderView';
import { ExportButtons } from './ExportButtons';
import { exportFixture } from './fixture';

describe('ExportButtons', () => {
  it('offers PNG and SVG of a drawing and CSV and JSON of the numbers', () => {
    const html = renderView(<ExportButtons {...exportFixture} />);
    for (const key of ['view.savePng', 'view.saveSvg', 'view.saveCsv', 'view.saveJson'] as const)
      expect(html).toContain(english(key));
    expect(html).toContain('data-testid="chart-export-csv"');
    expect(html).toContain('data-testid="chart-export-json"');
  });

  it('offers only what it was given', () => {
    const html = renderView(<ExportButtons fileStem="numbers" csv={exportFixture.csv} />);
    expect(html).toContain(english('view.saveCsv'));
    expect(html).not.toContain(english('view.savePng'));
    expect(html).not.toContain(english('view.saveJson'));
  });
});
