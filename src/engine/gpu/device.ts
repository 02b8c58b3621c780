// WebGPU device acquisition, shared by the browser and Node (see node.ts).
// We ask for the adapter's own limits instead of the WebGPU defaults because the
// defaults (128 MiB per binding, 16 KiB workgroup storage) would cap n far below
// what the hardware can do, and the kernels size their tiles from these limits.

/** Limits the engine reads; all are plain numbers copied off GPUSupportedLimits. */
export interface DeviceLimits {
  readonly maxStorageBufferBindingSize: number;
  readonly maxBufferSize: number;
  readonly maxComputeWorkgroupStorageSize: number;
  readonly maxComputeInvocationsPerWorkgroup: number;
  readonly maxComputeWorkgroupSizeX: number;
  readonly maxComputeWorkgroupSizeY: number;
  readonly maxComputeWorkgroupSizeZ: number;
  readonly maxComputeWorkgroupsPerDimension: number;
  readonly maxStorageBuffersPerShaderStage: number;
  readonly minStorageBufferOffsetAlignment: number;
  readonly minUniformBufferOffsetAlignment: number;
}

export interface AdapterDescription {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
}

export interface AcquiredDevice {
  readonly device: GPUDevice;
  readonly adapterInfo: AdapterDescription;
  readonly limits: DeviceLimits;
  readonly features: readonly string[];
  readonly hasTimestamps: boolean;
  /**
   * Resolution of timestamp queries in ms where known: Node (Dawn with quantisation
   * disabled) reports nanoseconds; browsers quantise to 100 µs unless developer
   * features are on, which a page cannot detect, so the caller states it.
   */
  readonly timestampResolutionMs?: number;
}

export interface AcquireOptions {
  readonly powerPreference?: GPUPowerPreference;
  /** Called once if the device is lost (driver reset, tab backgrounded, destroy()). */
  readonly onLost?: (info: { reason: string; message: string }) => void;
  /** Skip optional features (used to test the fallback paths). */
  readonly withoutTimestamps?: boolean;
  readonly timestampResolutionMs?: number;
}

const LIMIT_NAMES = [
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupSizeZ',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBuffersPerShaderStage',
  'minStorageBufferOffsetAlignment',
  'minUniformBufferOffsetAlignment',
] as const satisfies readonly (keyof DeviceLimits)[];

/** Requested optional features, used when the adapter offers them. */
const WANTED_FEATURES: readonly GPUFeatureName[] = ['timestamp-query', 'subgroups'];

export class NoAdapterError extends Error {
  constructor(message = 'No WebGPU adapter is available') {
    super(message);
    this.name = 'NoAdapterError';
  }
}

export function copyLimits(limits: GPUSupportedLimits): DeviceLimits {
  const out: Record<string, number> = {};
  for (const name of LIMIT_NAMES) out[name] = limits[name];
  return out as unknown as DeviceLimits;
}

export function describeAdapter(info: GPUAdapterInfo | undefined): AdapterDescription {
  return {
    vendor: info?.vendor ?? '',
    architecture: info?.architecture ?? '',
    device: info?.device ?? '',
    description: info?.description ?? '',
  };
}

/** Human-readable adapter name for charts and reports, e.g. "nvidia nvidia-h100-80gb-hbm3 (NVIDIA: 580.159.04 …)". */
export function adapterName(info: AdapterDescription): string {
  const main = [info.vendor, info.device || info.architecture].filter((s) => s.length > 0).join(' ');
  if (main.length === 0) return info.description || 'unknown WebGPU adapter';
  return info.description ? `${main} (${info.description})` : main;
}

export async function acquireDevice(gpu: GPU, opts: AcquireOptions = {}): Promise<AcquiredDevice> {
  const adapter = await gpu.requestAdapter(
    opts.powerPreference
      ? { powerPreference: opts.powerPreference }
      : { powerPreference: 'high-performance' },
  );
  if (!adapter) throw new NoAdapterError();

  const requiredLimits: Record<string, number> = {};
  for (const name of LIMIT_NAMES) {
    // Alignment limits are "better" when smaller; asking for the adapter's value is always valid.
    requiredLimits[name] = adapter.limits[name];
  }
  const requiredFeatures = WANTED_FEATURES.filter(
    (f) => adapter.features.has(f) && !(opts.withoutTimestamps && f === 'timestamp-query'),
  );
  const device = await adapter.requestDevice({ requiredLimits, requiredFeatures });
  if (opts.onLost) {
    const onLost = opts.onLost;
    void device.lost.then((info) => onLost({ reason: String(info.reason), message: info.message }));
  }
  const features = [...device.features].map(String).sort();
  const hasTimestamps = device.features.has('timestamp-query');
  return {
    device,
    adapterInfo: describeAdapter(adapter.info),
    limits: copyLimits(device.limits),
    features,
    hasTimestamps,
    timestampResolutionMs: hasTimestamps ? opts.timestampResolutionMs : undefined,
  };
}
