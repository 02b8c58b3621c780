import type { GatedRule } from '../common/gated/rule';

/** RetNet in the shared gated machinery (attention-math.md §12). */
export const retnetRule: GatedRule = { decay: 'gamma', delta: false, bonus: false };
