// A simulated ring of W devices for the sequence-parallel lesson (attention-math.md §23).
// Devices are indices 0..W−1; device t's right-hand neighbour is (t+1) mod W.
// Every message goes through `exchange`, which records it (step, from, to,
// floats moved, what it carries) and hands the payload to the receiver. The
// traffic counters the lesson prints are sums over these records, never formulas.

/** What one message carries: real numbers (compute mode) or only their count (counting mode). */
export interface Payload {
  /** The floats sent, in compute mode; absent when the simulation only counts. */
  readonly data?: Float64Array;
  /** How many floats the message moves (equals data.length when data is present). */
  readonly floats: number;
  /** Which device's block or state this is (the device that produced it). */
  readonly origin: number;
  /** Short name of the content, e.g. 'M' (a KᵀV state) or 'KV' (a key/value block). */
  readonly kind: string;
}

export interface SimMessage {
  /** 1-based communication step; all messages of one step travel at the same time. */
  readonly step: number;
  readonly from: number;
  readonly to: number;
  readonly floats: number;
  readonly origin: number;
  readonly kind: string;
}

export interface Traffic {
  readonly messages: readonly SimMessage[];
  /** Floats each device sent, summed over its messages. */
  readonly sent: readonly number[];
  /** Floats each device received. */
  readonly received: readonly number[];
}

export class RingNetwork {
  readonly devices: number;
  private readonly log: SimMessage[] = [];
  private readonly sentFloats: number[];
  private readonly receivedFloats: number[];
  /** Whether every message is written to the log (counting the chart's large W needs only the sums). */
  private readonly keepLog: boolean;

  constructor(devices: number, keepLog = true) {
    if (!Number.isInteger(devices) || devices < 1)
      throw new RangeError(`devices must be ≥ 1 (got ${devices})`);
    this.devices = devices;
    this.keepLog = keepLog;
    this.sentFloats = new Array<number>(devices).fill(0);
    this.receivedFloats = new Array<number>(devices).fill(0);
  }

  /** The right-hand neighbour of device t. */
  next(t: number): number {
    return (t + 1) % this.devices;
  }

  /**
   * One ring step: device t sends outgoing[t] to device t+1 (mod W), and the
   * returned array holds what each device received from device t−1. Every
   * message is recorded; a payload's data length must equal its declared floats.
   */
  exchange(step: number, outgoing: readonly Payload[]): Payload[] {
    const W = this.devices;
    if (outgoing.length !== W) throw new Error(`exchange needs one payload per device (${W})`);
    const incoming = new Array<Payload>(W);
    for (let from = 0; from < W; from++) {
      const payload = outgoing[from];
      if (payload.data && payload.data.length !== payload.floats) {
        throw new Error(
          `payload of device ${from} has ${payload.data.length} floats, declared ${payload.floats}`,
        );
      }
      const to = this.next(from);
      this.sentFloats[from] += payload.floats;
      this.receivedFloats[to] += payload.floats;
      if (this.keepLog) {
        this.log.push({ step, from, to, floats: payload.floats, origin: payload.origin, kind: payload.kind });
      }
      incoming[to] = payload;
    }
    return incoming;
  }

  traffic(): Traffic {
    return {
      messages: this.log.slice(),
      sent: this.sentFloats.slice(),
      received: this.receivedFloats.slice(),
    };
  }
}

/**
 * How n tokens are split over W devices: contiguous slices, the first n mod W
 * devices get ⌈n/W⌉ tokens and the others ⌊n/W⌋ (numpy's array_split). With
 * W ∣ n every device holds C = n/W. Needs 1 ≤ W ≤ n (no device is left empty).
 */
export function splitSizes(n: number, W: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer (got ${n})`);
  if (!Number.isInteger(W) || W < 1 || W > n) {
    throw new RangeError(`the number of devices must be an integer from 1 to n = ${n} (got ${W})`);
  }
  const base = Math.floor(n / W);
  const extra = n % W;
  return Array.from({ length: W }, (_, t) => base + (t < extra ? 1 : 0));
}

/** First token (0-based) of each device's slice. */
export function splitStarts(sizes: readonly number[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const size of sizes) {
    starts.push(at);
    at += size;
  }
  return starts;
}
