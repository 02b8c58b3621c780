import type { GatedRule } from '../common/gated/rule';

/** DeltaNet in the shared gated machinery (attention-math.md §17). */
export const deltanetRule: GatedRule = { decay: 'none', delta: true, bonus: false };
