// Mamba-2 on the CPU: the shared gated forms (common/gated/cpu.ts) under its rule.
import { gatedCpu } from '../common/gated/cpu';
import { mamba2Rule } from './rule';

export const cpu = gatedCpu(mamba2Rule);
