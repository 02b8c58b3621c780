// How views and labs print numbers: a few significant digits, scientific
// notation for the very small and very large, binary units for bytes.
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${mantissa}e${Number(exponent)}`;
  }
  return Number(value.toPrecision(digits)).toString();
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : Number(value.toPrecision(3))} ${BYTE_UNITS[unit]}`;
}

const COUNT_UNITS = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
] as const;

/** 1.23 G, 456 k: counts such as FLOPs. */
export function formatCount(value: number): string {
  for (const [size, suffix] of COUNT_UNITS) {
    if (Math.abs(value) >= size) return `${Number((value / size).toPrecision(3))} ${suffix}`;
  }
  return String(Math.round(value));
}

export function formatMs(ms: number): string {
  if (ms < 0.01) return `${formatNumber(ms * 1000, 3)} µs`;
  if (ms >= 1000) return `${Number((ms / 1000).toPrecision(3))} s`;
  return `${Number(ms.toPrecision(3))} ms`;
}

/** Sequence lengths on axes: 512, 4k, 64k, 1M. */
export function formatN(n: number): string {
  if (n >= 1048576 && n % 1048576 === 0) return `${n / 1048576}M`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024}k`;
  return String(n);
}
