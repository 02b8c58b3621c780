// How much device memory one request may allocate, and what an allocation
// failure turns into. The check itself is the size rule (sizeRule.ts), run on the
// variant's buffer plan before anything is allocated; this module sets its limits.
//
// The rule (documented in one place because the lab's "use n = …" button trusts it):
// - A single buffer is at most 15/16 of the smaller of maxStorageBufferBindingSize
//   and maxBufferSize. Implementations advertise a limit but may refuse a buffer
//   of exactly that size: SwiftShader in Chromium (maxBufferSize 1 GiB) fails to
//   allocate the 1 GiB n×n matrix of n = 16384.
// - Everything one request holds at once (every buffer of its variant's plan, its
//   read-back buffers, the pool's idle buffers and the weight matrices kept for
//   views) is at most a budget of 4 such buffers. WebGPU does not report how much
//   memory a device has, so the budget follows its per-buffer limit; an engine
//   option overrides it. Idle pool buffers and older kept matrices are freed
//   before a request is refused for their sake.
// - When an allocation still fails (out of memory or an invalid buffer), the
//   budget drops to half of what the failed request needed, so that the maxN of
//   the error is a size the engine then really tries, and the next failure
//   halves it again.
import type { SizeLimit } from '../sizeRule';
import type { DeviceLimits } from './device';

export { totalBytes } from '../sizeRule';

/** Fraction of the advertised per-buffer limit that one buffer may use. */
export const BUFFER_LIMIT_FRACTION = 15 / 16;
/** The default budget of one request, in largest buffers. */
export const BUDGET_BUFFERS = 4;

export function perBufferBytes(limits: Pick<DeviceLimits, 'maxStorageBufferBindingSize' | 'maxBufferSize'>) {
  const advertised = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  // A multiple of 16 (buffers are rounded up to 16 bytes).
  return Math.floor((advertised * BUFFER_LIMIT_FRACTION) / 16) * 16;
}

/** What one request may allocate, mutable: an allocation failure lowers the budget. */
export class MemoryBudget {
  readonly perBuffer: number;
  private budgetBytes: number;
  /** Why the budget is below its default (shown in refusals), if it is. */
  private lowered: string | undefined;

  constructor(limits: DeviceLimits, budgetBytes?: number) {
    this.perBuffer = perBufferBytes(limits);
    this.budgetBytes = budgetBytes ?? BUDGET_BUFFERS * this.perBuffer;
  }

  get bytes(): number {
    return this.budgetBytes;
  }

  /** After `failedBytes` failed to allocate: later requests get at most half of it. */
  lowerAfterFailure(failedBytes: number, reason: string): void {
    const next = Math.floor(failedBytes / 2);
    if (next < this.budgetBytes) {
      this.budgetBytes = next;
      this.lowered = reason;
    }
  }

  /**
   * The size rule's limit (sizeRule.ts) for a request while `heldBytes` stay
   * allocated (kept matrices, idle pool buffers the caller could not free).
   */
  limit(heldBytes = 0): SizeLimit {
    return {
      perBuffer: this.perBuffer,
      perBufferOf: 'engine',
      budget: this.budgetBytes,
      lowered: this.lowered,
      heldBytes,
    };
  }
}

/** The fields of a GPUError these checks read. */
interface ErrorLike {
  readonly message: string;
  readonly constructor?: { readonly name?: string };
}

/**
 * Whether an error WebGPU raised while a request allocated, encoded or submitted
 * its work says the request was too large (out of memory, a buffer or binding over
 * a limit), so that a smaller n may succeed. An error of shader compilation or
 * pipeline creation is a bug in a kernel: no n fixes it, and lowering the memory
 * budget for it would refuse every later request for nothing.
 */
export function isSizeError(error: ErrorLike): boolean {
  if (isOutOfMemory(error)) return true;
  return !/WGSL|shader ?module|compute ?pipeline|entry ?point/i.test(error.message);
}

export function isOutOfMemory(error: ErrorLike): boolean {
  return error.constructor?.name === 'GPUOutOfMemoryError' || /out of memory/i.test(error.message);
}

/**
 * Runs `body` (synchronous: allocation, encoding, submission) inside
 * out-of-memory and validation error scopes and pops them at once, so that no
 * other caller's work on the device lands in these scopes. Resolves to the
 * first error (out of memory first: an invalid buffer's validation errors follow
 * from it), or null.
 */
export function captureGpuErrors<T>(
  device: GPUDevice,
  body: () => T,
): { value: T; errors: Promise<GPUError | null> } | { thrown: unknown; errors: Promise<GPUError | null> } {
  device.pushErrorScope('out-of-memory');
  device.pushErrorScope('validation');
  let outcome: { value: T } | { thrown: unknown };
  try {
    outcome = { value: body() };
  } catch (thrown) {
    outcome = { thrown };
  }
  const validation = device.popErrorScope();
  const memory = device.popErrorScope();
  const errors = Promise.all([memory, validation]).then(([m, v]) => m ?? v);
  return { ...outcome, errors };
}
