import type { GatedRule } from '../common/gated/rule';

/** Gated DeltaNet in the shared gated machinery (attention-math.md §17). */
export const gatedDeltanetRule: GatedRule = { decay: 'token', delta: true, bonus: false };
