// The chunk diagram as lesson 7 draws it over a 256 px map of n = 16 tokens in
// chunks of 4.
export const chunkOverlayFixture = { side: 256, rows: 16, cols: 16, chunk: 4 } as const;
