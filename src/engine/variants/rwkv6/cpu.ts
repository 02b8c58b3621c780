// RWKV-6 on the CPU: the shared gated forms (common/gated/cpu.ts) under its rule.
import { gatedCpu } from '../common/gated/cpu';
import { rwkv6Rule } from './rule';

export const cpu = gatedCpu(rwkv6Rule);
