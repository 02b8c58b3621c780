// GLA on the CPU: the shared gated forms (common/gated/cpu.ts) under its rule.
import { gatedCpu } from '../common/gated/cpu';
import { glaRule } from './rule';

export const cpu = gatedCpu(glaRule);
