// Gated DeltaNet on WebGPU: the shared gated kernels (common/gated/gpu/) under its rule.
import { gatedGpuForms } from '../common/gated/gpu';
import { gatedDeltanetDescriptor } from './descriptor';
import { gatedDeltanetRule } from './rule';

export const gpu = gatedGpuForms(gatedDeltanetRule, gatedDeltanetDescriptor);
