// GLA on WebGPU: the shared gated kernels (common/gated/gpu/) under its rule.
import { gatedGpuForms } from '../common/gated/gpu';
import { glaDescriptor } from './descriptor';
import { glaRule } from './rule';

export const gpu = gatedGpuForms(glaRule, glaDescriptor);
