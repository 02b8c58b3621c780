import type { GatedRule } from '../common/gated/rule';

/** Mamba-2 in the shared gated machinery (attention-math.md §14). */
export const mamba2Rule: GatedRule = { decay: 'token', delta: false, bonus: false };
