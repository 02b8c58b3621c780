// DeltaNet on WebGPU: the shared gated kernels (common/gated/gpu/) under its rule.
import { gatedGpuForms } from '../common/gated/gpu';
import { deltanetDescriptor } from './descriptor';
import { deltanetRule } from './rule';

export const gpu = gatedGpuForms(deltanetRule, deltanetDescriptor);
