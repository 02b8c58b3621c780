import type { GatedRule } from '../common/gated/rule';

/** RWKV-6 in the shared gated machinery (attention-math.md §16). */
export const rwkv6Rule: GatedRule = { decay: 'channel', delta: false, bonus: true };
