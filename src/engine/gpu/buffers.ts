// A small pool of storage buffers. A lesson re-runs the same sizes many times per
// second while a slider moves; creating and freeing hundreds of MiB each time
// fragments memory and stalls, so released buffers are kept (up to a byte cap)
// and handed out again for the same size and usage.
export class BufferPool {
  private readonly free = new Map<string, GPUBuffer[]>();
  private freeBytes = 0;

  constructor(
    private readonly device: GPUDevice,
    /** Bytes of idle buffers kept for reuse; beyond this released buffers are destroyed. */
    private readonly maxIdleBytes = 256 * 1024 * 1024,
  ) {}

  /** A buffer of at least `bytes` (rounded up to 16, never 0) with exactly this usage. */
  acquire(bytes: number, usage: GPUBufferUsageFlags, label?: string): GPUBuffer {
    const size = roundedSize(bytes);
    const list = this.free.get(key(size, usage));
    const reused = list?.pop();
    if (reused) {
      this.freeBytes -= size;
      return reused;
    }
    return this.device.createBuffer({ size, usage, label });
  }

  release(buffer: GPUBuffer): void {
    if (this.freeBytes + buffer.size > this.maxIdleBytes) {
      buffer.destroy();
      return;
    }
    const k = key(buffer.size, buffer.usage);
    const list = this.free.get(k) ?? [];
    list.push(buffer);
    this.free.set(k, list);
    this.freeBytes += buffer.size;
  }

  /** Destroys every idle buffer (after a size change the old sizes are unlikely to return). */
  trim(): void {
    for (const list of this.free.values()) for (const buffer of list) buffer.destroy();
    this.free.clear();
    this.freeBytes = 0;
  }

  get idleBytes(): number {
    return this.freeBytes;
  }
}

export function roundedSize(bytes: number): number {
  return Math.max(16, Math.ceil(bytes / 16) * 16);
}

function key(size: number, usage: number): string {
  return `${usage}:${size}`;
}
