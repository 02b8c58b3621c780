import type { GatedRule } from '../common/gated/rule';

/** GLA in the shared gated machinery (attention-math.md §15). */
export const glaRule: GatedRule = { decay: 'channel', delta: false, bonus: false };
