import { describe, expect, it } from 'vitest';
import { toCsv, toJson } from './csv';

describe('csv', () => {
  it('writes a header and rows with RFC 4180 quoting', () => {
    const csv = toCsv(
      ['variant', 'n', 'ms'],
      [
        ['softmax', 128, 0.25],
        ['linear, "chunk"', 256, null],
      ],
    );
    expect(csv).toBe('variant,n,ms\r\nsoftmax,128,0.25\r\n"linear, ""chunk""",256,\r\n');
  });

  it('drops non-finite numbers and keeps JSON readable', () => {
    expect(toCsv(['x'], [[Infinity], [NaN]])).toBe('x\r\n\r\n\r\n');
    expect(toJson({ a: 1 })).toBe('{\n  "a": 1\n}\n');
  });
});
