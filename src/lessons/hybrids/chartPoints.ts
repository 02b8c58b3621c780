// The points lesson 12's charts draw: a per-token series, and the floats the
// KV cache and Infini-attention hold as the sequence grows.
import { infiniStateFloats, kvCacheFloats } from '../../engine';
import type { ChartPoint } from '../../components/charts/LineChart';

/** values[t] at x = t + 1, from token `from` on. */
export function perToken(values: ArrayLike<number>, from = 0): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (let t = from; t < values.length; t++) points.push({ x: t + 1, y: values[t] });
  return points;
}

/** KV cache and Infini-attention floats at up to ~128 token counts, plus each segment's last token. */
export function memorySizes(
  n: number,
  d: number,
  segment: number,
): { readonly kv: ChartPoint[]; readonly infini: ChartPoint[] } {
  const stride = Math.max(1, Math.ceil(n / 128));
  const kv: ChartPoint[] = [];
  const infini: ChartPoint[] = [];
  for (let tok = 1; tok <= n; tok += stride) {
    kv.push({ x: tok, y: kvCacheFloats(tok, d, d) });
    infini.push({ x: tok, y: infiniStateFloats(tok, segment, d, d) });
    // The sawtooth's peaks: the last token of each segment.
    const peak = Math.min(n, Math.ceil(tok / segment) * segment);
    if (peak !== tok && peak < tok + stride) {
      kv.push({ x: peak, y: kvCacheFloats(peak, d, d) });
      infini.push({ x: peak, y: infiniStateFloats(peak, segment, d, d) });
    }
  }
  return { kv, infini };
}
