// Which keys a query row sees, for the references that need it: the largest
// possible row entropy and the support of the KL guard are counted over the
// visible keys, not over all n columns (masked entries are zeros, not choices).

export interface KeyMask {
  /** Row i sees keys 0..i (true) or all n keys (false). */
  readonly causal: boolean;
  /** Sliding window (swa): row i sees keys i−window < j ≤ i. Only with causal. */
  readonly window?: number;
}

/** Number of keys row `row` (0-based) of an n-column map sees. */
export function visibleKeyCount(row: number, n: number, mask: KeyMask): number {
  if (!mask.causal) return n;
  const seen = Math.min(row + 1, n);
  return mask.window === undefined ? seen : Math.min(seen, Math.max(1, mask.window));
}
