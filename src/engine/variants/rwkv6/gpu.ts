// RWKV-6 on WebGPU: the shared gated kernels (common/gated/gpu/) under its rule.
import { gatedGpuForms } from '../common/gated/gpu';
import { rwkv6Descriptor } from './descriptor';
import { rwkv6Rule } from './rule';

export const gpu = gatedGpuForms(rwkv6Rule, rwkv6Descriptor);
