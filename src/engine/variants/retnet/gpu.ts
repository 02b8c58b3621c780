// RetNet on WebGPU: the shared gated kernels (common/gated/gpu/) under its rule.
import { gatedGpuForms } from '../common/gated/gpu';
import { retnetDescriptor } from './descriptor';
import { retnetRule } from './rule';

export const gpu = gatedGpuForms(retnetRule, retnetDescriptor);
