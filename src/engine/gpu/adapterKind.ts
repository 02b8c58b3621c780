// Whether an adapter is a CPU (software) implementation. On one, a workgroup's
// invocations run as coroutines on a few CPU threads: every workgroupBarrier
// switches between all of them, and tiling through workgroup memory saves nothing
// (the CPU's caches already hold the rows). Measured on SwiftShader in Node (load
// ~2), softmax parallel at n=256, d=32: tiled scores 189 ms and the 256-thread row
// normalisation 222 ms, against 13 ms and 1.6 ms for the barrier-free
// kernels. Real GPUs keep the tiled kernels.

/** The adapter fields this looks at (GPUAdapterInfo; isFallbackAdapter is newer and optional). */
export interface AdapterDescription {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
  readonly isFallbackAdapter?: boolean;
}

const CPU_ADAPTER = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|\bwarp\b/i;

export function isCpuAdapter(info: AdapterDescription | undefined): boolean {
  if (!info) return false;
  if (info.isFallbackAdapter) return true;
  return CPU_ADAPTER.test([info.vendor, info.architecture, info.device, info.description].join(' '));
}
