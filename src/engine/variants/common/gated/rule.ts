// What distinguishes one gated or delta-rule variant from another, as data: each
// of the six folders (retnet, mamba2, gla, rwkv6, deltanet, gated-deltanet)
// states its rule, and the shared forms (cpu.ts, gpu/), cost model (cost.ts)
// and example inputs read only the rule, never an id.

export interface GatedRule {
  /**
   * Where the log decay g comes from: the parameter γ (g = ln γ, RetNet), an
   * input with one gate per token, one per token and key channel, or none
   * (g = 0, DeltaNet).
   */
  readonly decay: 'gamma' | 'token' | 'channel' | 'none';
  /** The delta rule: S_t = e^{g_t}(I − β_t k_tᵀk_t) S_{t−1} + β_t k_tᵀv_t, with β an input. */
  readonly delta: boolean;
  /** RWKV-6's bonus u: the output reads S_{t−1} + diag(u)k_tᵀv_t. */
  readonly bonus: boolean;
}

/** Gate channels per token: 1 (scalar gate) or dk (per key channel). */
export function gateChannels(rule: GatedRule, dk: number): number {
  return rule.decay === 'channel' ? dk : 1;
}
