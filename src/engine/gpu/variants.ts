// The WebGPU forms of a variant, loaded on first use through the registry's
// dynamic import (each variant's kernels are a chunk of their own) and cached.
import { getDefinition } from '../variants/registry';
import type { GpuForms } from './plan';

const loaded = new Map<string, Promise<GpuForms>>();

/** The variant's GPU forms (its builders and their WGSL), loaded once. */
export function loadGpuForms(variant: string): Promise<GpuForms> {
  let forms = loaded.get(variant);
  if (!forms) {
    forms = getDefinition(variant).loadGpu();
    // A failed load (a network hiccup fetching the chunk) may be retried.
    forms.catch(() => loaded.delete(variant));
    loaded.set(variant, forms);
  }
  return forms;
}
