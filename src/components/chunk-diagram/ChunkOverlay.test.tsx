import { describe, expect, it } from 'vitest';
import { english, renderView } from '../testing/renderView';
import { ChunkKey, ChunkOverlay, chunkCount } from './ChunkOverlay';
import { chunkOverlayFixture } from './fixture';

describe('ChunkOverlay', () => {
  it('draws one intra-chunk block per chunk', () => {
    const { side, rows, chunk } = chunkOverlayFixture;
    expect(chunkCount(rows, chunk)).toBe(4);
    const html = renderView(
      <svg>
        <ChunkOverlay side={side} rows={rows} chunk={chunk} />
      </svg>,
    );
    expect(html).toContain('data-chunks="4"');
    expect(html).toContain('data-chunk="4"');
    // Chunks 1..3 read their earlier tokens from the state: three inter-chunk parts.
    expect((html.match(/data-part="inter"/g) ?? []).length).toBe(3);
  });

  it('names the three parts in its key', () => {
    const html = renderView(<ChunkKey />);
    expect(html).toContain(english('chunking.key.intra'));
    expect(html).toContain(english('chunking.key.inter'));
    expect(html).toContain(english('chunking.key.state'));
  });
});
