import { describe, expect, it } from 'vitest';
import { english, renderView } from '../testing/renderView';
import { EngineErrorNote } from './EngineErrorNote';
import { readoutFixture, tooBigError } from './fixture';
import { Readout } from './Readout';

describe('Readout', () => {
  it('prints each number with its test id, raw value and detail, and "computing" for the rest', () => {
    const html = renderView(<Readout items={readoutFixture} computingText="Computing…" />);
    expect(html).toContain('<dt>Scores</dt>');
    expect(html).toContain('data-testid="score-count" data-value="65536"');
    expect(html).toContain('65 536');
    expect(html).toContain('n² for n = 256');
    expect(html).toContain('data-testid="score-bytes" data-value="262144"');
    expect(html).toMatch(/data-testid="run-ms">Computing…/);
  });
});

describe('EngineErrorNote', () => {
  it('says why the engine refused and offers the largest n that fits', () => {
    const html = renderView(<EngineErrorNote error={tooBigError} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('n = 65536 does not fit this device.');
    expect(html).toContain(english('lab.useMaxN', { n: 16384 }));
    expect(renderView(<EngineErrorNote error={undefined} />)).toBe('');
  });
});
