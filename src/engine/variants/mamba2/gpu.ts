// Mamba-2 on WebGPU: the shared gated kernels (common/gated/gpu/) under its rule.
import { gatedGpuForms } from '../common/gated/gpu';
import { mamba2Descriptor } from './descriptor';
import { mamba2Rule } from './rule';

export const gpu = gatedGpuForms(mamba2Rule, mamba2Descriptor);
