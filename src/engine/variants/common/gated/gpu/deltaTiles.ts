// How the delta rule's chunk kernels tile their work to fit the device's
// workgroup memory. Pure sizing: the kernels' staged arrays, counted in f32.
import { EngineError } from '../../../../types';
import { formatBytes } from '../../../../validate';
import { F32 } from './buffers';

/**
 * Tiles of shaders/gated/delta_scan.wgsl that fit the device's workgroup memory:
 * CB value columns (S tile DK×CB, U' tile C×CB) and PT staged rows (PT×DK),
 * the largest first (at most 16 each).
 */
export function deltaScanTiles(
  dk: number,
  chunk: number,
  maxStorage: number,
): { columns: number; rows: number } {
  for (const columns of [16, 8, 4, 2, 1]) {
    for (const rows of [16, 8, 4, 1]) {
      if (((dk + chunk) * columns + rows * dk) * F32 <= maxStorage) return { columns, rows };
    }
  }
  throw new EngineError(
    `the delta rule's chunk form with dk=${dk}, chunkSize ${chunk} needs more workgroup memory than this device has ` +
      `(${formatBytes(maxStorage)}); use a smaller chunkSize`,
  );
}

/** Register tiles (rows × columns per thread) of delta_prep and delta_transition, smallest first. */
const REGISTER_TILES: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 2],
  [2, 2],
  [2, 4],
  [4, 4],
  [4, 8],
  [8, 8],
  [8, 16],
];

/** The smallest register tile (RM×RN) whose thread grid ⌈rows/RM⌉×⌈cols/RN⌉ fits 256 threads. */
function tileFor(rows: number, cols: number): { RM: number; RN: number; TC: number } | null {
  const tile = REGISTER_TILES.find(([rm, rn]) => Math.ceil(rows / rm) * Math.ceil(cols / rn) <= 256);
  return tile ? { RM: tile[0], RN: tile[1], TC: Math.ceil(cols / tile[1]) } : null;
}

export interface FastDeltaTiles {
  /** delta_prep's SB×SB blocks of T and its XS floats for the off-diagonal products. */
  readonly solve: { readonly SB: number; readonly XS: number };
  /** Value columns of the state per delta_chain workgroup (CB). */
  readonly columns: number;
  /** Staged elements of M per delta_chain thread (PER). */
  readonly perThread: number;
  /** delta_prep stages the chunk's keys in workgroup memory (STAGE). */
  readonly stageKeys: boolean;
  /** delta_prep's [W | U] = T·rhs register tile RM×RN and TI×TC thread grid. */
  readonly product: { readonly RM: number; readonly RN: number; readonly TI: number; readonly TC: number };
  /** delta_transition's RM×RN register tile and TD×TC thread grid. */
  readonly transition: { readonly RM: number; readonly RN: number; readonly TD: number; readonly TC: number };
}

/**
 * Tiles of the delta rule's fast chunk path (delta_prep → delta_transition →
 * delta_chain → delta_uprime), or null where they do not fit the device's
 * workgroup memory (then the two-pass delta_wy/delta_scan path runs):
 * delta_prep holds L and T in one chunk×chunk array (and stages the chunk's
 * keys, row stride dk + 1, where that fits too), delta_chain holds the
 * dk×dk transition (row stride dk + 1) and CB value columns of the state, one
 * state element per thread of 256 (CB = ⌊256/dk⌋, at most dv); delta_transition
 * stages 16 tokens of K̃ and [W | U] (padded to its tile grid, at most 16 wider).
 */
export function fastDeltaTiles(
  dk: number,
  dv: number,
  chunk: number,
  maxStorage: number,
): FastDeltaTiles | null {
  if (dk > 256) return null;
  const columns = Math.max(1, Math.min(dv, Math.floor(256 / dk)));
  const sb = Math.min(16, chunk);
  const solveFloats = Math.max(1, (chunk / sb - 1) * sb * sb);
  const product = tileFor(chunk, dk + dv);
  if (!product) return null;
  const prepBytes = (chunk * (chunk + 1) + 3 * chunk + solveFloats + 16 * product.TC * product.RN + 1) * F32;
  const stagedBytes = prepBytes + (chunk * (dk + 1) - 1) * F32;
  const chainBytes = (dk * (dk + 1) + dk * columns) * F32;
  if (prepBytes > maxStorage || chainBytes > maxStorage) return null;
  const transitionBytes = (chunk + 16 * (dk + 16) + 16 * (dk + dv + 16)) * F32;
  if (transitionBytes > maxStorage) return null;
  const transition = tileFor(dk, dk + dv);
  if (!transition) return null;
  return {
    columns,
    solve: { SB: sb, XS: solveFloats },
    perThread: Math.ceil((dk * dk) / 256),
    stageKeys: stagedBytes <= maxStorage,
    transition: {
      RM: transition.RM,
      RN: transition.RN,
      TD: Math.ceil(dk / transition.RM),
      TC: transition.TC,
    },
    product: { RM: product.RM, RN: product.RN, TI: Math.ceil(chunk / product.RM), TC: product.TC },
  };
}
