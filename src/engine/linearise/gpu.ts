// The Hedgehog fit on WebGPU (shaders/linearise/fit.wgsl): the whole step runs
// on the GPU in f32 (features, the n×n forward and backward, ∂L/∂W, Adam). The
// host uploads q, k, v and the softmax target once (the target is computed in
// float64 on the CPU: it never changes during a fit), encodes `count` steps in
// one submission, and reads back only W, the implied map, the outputs and the
// new losses after the batch. The error numbers (map RMS, output error) are
// then formed on the host from those f32 read-backs.
import shaderSource from '../../shaders/linearise/fit.wgsl?raw';
import {
  ADAM_BETA1,
  ADAM_BETA2,
  ADAM_EPS,
  FIT_EPS,
  fitErrors,
  initialProjection,
  softmaxTarget,
  type FitProblem,
  type FitTarget,
} from './fit';
import type { FitPoint, FitSettings } from './session';

/** Loss history slots kept on the GPU (a ring; each batch reads its new slots). */
export const GPU_HISTORY_SLOTS = 4096;
const WORKGROUP = 64;

export interface GpuFitSnapshot {
  readonly step: number;
  /** The points added by the last call, ending at the current step. */
  readonly points: readonly FitPoint[];
  readonly w: Float64Array;
  readonly map: Float64Array;
  readonly output: Float64Array;
}

export interface GpuFit {
  readonly problem: FitProblem;
  readonly target: FitTarget;
  /** Runs `count` Adam steps (count ≥ 0) and reads the state back. */
  advance(count: number): Promise<GpuFitSnapshot>;
  destroy(): void;
}

function f32Const(value: number): string {
  const text = String(Math.fround(value));
  return text.includes('.') || text.includes('e') ? text : `${text}.0`;
}

export function fitShaderSource(problem: FitProblem, settings: FitSettings): string {
  const { n, dk, dv } = problem;
  const header = [
    `const N: u32 = ${n}u;`,
    `const DK: u32 = ${dk}u;`,
    `const DV: u32 = ${dv}u;`,
    `const R: u32 = ${settings.r}u;`,
    `const F: u32 = ${2 * settings.r}u;`,
    `const CAP: u32 = ${GPU_HISTORY_SLOTS}u;`,
    `const LOSS_WEIGHTS: bool = ${settings.loss === 'weights'};`,
    `const EPS: f32 = ${f32Const(FIT_EPS)};`,
    `const BETA1: f32 = ${f32Const(ADAM_BETA1)};`,
    `const BETA2: f32 = ${f32Const(ADAM_BETA2)};`,
    `const ADAM_EPS: f32 = ${f32Const(ADAM_EPS)};`,
  ];
  return `${header.join('\n')}\n${shaderSource}`;
}

/** Floats of the work buffer (see the layout in fit.wgsl). */
function workFloats(n: number, dv: number, r: number): number {
  const f = 2 * r;
  return 2 * n * f + 2 * n * n + n + 2 * n * f + 2 * n * r + n + n * dv;
}

export async function createGpuFit(
  device: GPUDevice,
  problem: FitProblem,
  settings: FitSettings,
  seed: number,
  target: FitTarget = softmaxTarget(problem),
): Promise<GpuFit> {
  const { n, dk, dv } = problem;
  const { r } = settings;
  const f = 2 * r;
  const STORAGE = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

  const inputData = new Float32Array(2 * n * dk + n * dv + n * n + n * dv);
  inputData.set(problem.q, 0);
  inputData.set(problem.k, n * dk);
  inputData.set(problem.v, 2 * n * dk);
  inputData.set(target.weights, 2 * n * dk + n * dv);
  inputData.set(target.output, 2 * n * dk + n * dv + n * n);
  const weightData = new Float32Array(3 * dk * r);
  weightData.set(initialProjection(seed, dk, r), 0);

  device.pushErrorScope('out-of-memory');
  device.pushErrorScope('validation');
  const buffer = (label: string, floats: number, usage = STORAGE) =>
    device.createBuffer({ label, size: Math.max(16, floats * 4), usage });
  const inputs = buffer('fit inputs', inputData.length);
  const weights = buffer('fit W and Adam moments', weightData.length);
  const work = buffer('fit work', workFloats(n, dv, r));
  const history = buffer('fit loss history', 1 + GPU_HISTORY_SLOTS);
  const uniform = buffer('fit params', 4, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
  const mapOffset = 2 * n * f;
  const outOffset = workFloats(n, dv, r) - n * dv;
  // Read-back: W | map | O | history.
  const readFloats = dk * r + n * n + n * dv + 1 + GPU_HISTORY_SLOTS;
  const staging = device.createBuffer({
    label: 'fit read-back',
    size: readFloats * 4,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(inputs, 0, inputData);
  device.queue.writeBuffer(weights, 0, weightData);
  device.queue.writeBuffer(history, 0, new Float32Array(1 + GPU_HISTORY_SLOTS));
  device.queue.writeBuffer(uniform, 0, new Float32Array([settings.lr, 0, 0, 0]));

  const module = device.createShaderModule({
    label: 'hedgehog fit',
    code: fitShaderSource(problem, settings),
  });
  const layout = device.createBindGroupLayout({
    label: 'hedgehog fit',
    entries: [
      { binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'read-only-storage' } },
      { binding: 1, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'storage' } },
      { binding: 2, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'storage' } },
      { binding: 3, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'storage' } },
      { binding: 4, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'uniform' } },
    ],
  });
  const pipelineLayout = device.createPipelineLayout({ bindGroupLayouts: [layout] });
  const entryPoints = ['features', 'forward', 'keys', 'update', 'finish', 'record'] as const;
  const all = [inputs, weights, work, history, uniform, staging];
  // A pipeline that fails to compile rejects its promise; the scopes are popped either way.
  const pipelineResults = await Promise.allSettled(
    entryPoints.map((entryPoint) =>
      device.createComputePipelineAsync({
        label: `hedgehog fit ${entryPoint}`,
        layout: pipelineLayout,
        compute: { module, entryPoint },
      }),
    ),
  );
  const group = device.createBindGroup({
    layout,
    entries: [inputs, weights, work, history, uniform].map((b, binding) => ({
      binding,
      resource: { buffer: b },
    })),
  });
  const validation = await device.popErrorScope();
  const memory = await device.popErrorScope();
  const failed = pipelineResults.find((result) => result.status === 'rejected');
  const setupError =
    validation?.message ??
    memory?.message ??
    (failed ? String((failed.reason as Error)?.message ?? failed.reason) : null);
  if (setupError !== null) {
    for (const b of all) b.destroy();
    throw new Error(`WebGPU fit setup failed: ${setupError}`);
  }
  const pipelines = Object.fromEntries(
    entryPoints.map((entryPoint, i) => [
      entryPoint,
      (pipelineResults[i] as PromiseFulfilledResult<GPUComputePipeline>).value,
    ]),
  ) as Record<(typeof entryPoints)[number], GPUComputePipeline>;

  const groups = (count: number) => Math.ceil(count / WORKGROUP);
  let step = 0;
  let destroyed = false;
  let busy: Promise<unknown> = Promise.resolve();

  const dispatch = (pass: GPUComputePassEncoder, name: keyof typeof pipelines, workgroups: number) => {
    pass.setPipeline(pipelines[name]);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(workgroups);
  };

  async function run(count: number): Promise<GpuFitSnapshot> {
    if (destroyed) throw new Error('the GPU fit was destroyed');
    const encoder = device.createCommandEncoder({ label: `hedgehog fit ×${count}` });
    // One pass per dispatch: storage writes of one dispatch are visible to the next.
    const each = (name: keyof typeof pipelines, workgroups: number) => {
      const pass = encoder.beginComputePass();
      dispatch(pass, name, workgroups);
      pass.end();
    };
    for (let s = 0; s < count; s++) {
      each('features', groups(2 * n));
      each('forward', groups(n));
      each('keys', groups(2 * n));
      each('update', groups(dk * r));
      each('finish', 1);
    }
    each('features', groups(2 * n));
    each('forward', groups(n));
    each('record', 1);
    let at = 0;
    const copy = (source: GPUBuffer, offsetFloats: number, floats: number) => {
      encoder.copyBufferToBuffer(source, offsetFloats * 4, staging, at * 4, floats * 4);
      at += floats;
    };
    copy(weights, 0, dk * r);
    copy(work, mapOffset, n * n);
    copy(work, outOffset, n * dv);
    copy(history, 0, 1 + GPU_HISTORY_SLOTS);
    device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const data = new Float32Array(staging.getMappedRange().slice(0));
    staging.unmap();
    const w = Float64Array.from(data.subarray(0, dk * r));
    const map = Float64Array.from(data.subarray(dk * r, dk * r + n * n));
    const output = Float64Array.from(data.subarray(dk * r + n * n, dk * r + n * n + n * dv));
    const ring = data.subarray(dk * r + n * n + n * dv);
    const first = step;
    step = ring[0];
    if (step !== first + count) throw new Error(`GPU fit step count ${step}, expected ${first + count}`);
    const errors = fitErrors(problem, target, map, output);
    const points: FitPoint[] = [];
    // Intermediate steps carry the loss only (their maps stayed on the GPU);
    // step `first` was the last point of the previous call.
    for (let s = first + 1; s < step; s++) {
      points.push({
        step: s,
        loss: ring[1 + (s % GPU_HISTORY_SLOTS)],
        mapRms: NaN,
        mapMax: NaN,
        outputRel: NaN,
      });
    }
    points.push({ step, loss: ring[1 + (step % GPU_HISTORY_SLOTS)], ...errors });
    return { step, points, w, map, output };
  }

  return {
    problem,
    target,
    advance(count: number) {
      if (!Number.isInteger(count) || count < 0)
        throw new RangeError(`count must be an integer ≥ 0 (got ${count})`);
      const next = busy.then(() => run(count));
      busy = next.catch(() => undefined);
      return next;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      void busy.then(() => {
        for (const b of all) b.destroy();
      });
    },
  };
}
