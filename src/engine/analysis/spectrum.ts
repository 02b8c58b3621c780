// The spectrum panel's numbers in one call: singular values, effective rank
// and numerical rank at the stated tolerance.
import type { DenseMatrix } from './dense';
import { defaultRankTolerance, effectiveRank, FLOAT32_EPSILON, FLOAT64_EPSILON, numericalRank } from './rank';
import { singularValues, singularValuesAsync, type AsyncProgressOptions } from './svd';

export interface SpectrumSummary {
  /** Singular values, descending. */
  readonly values: Float64Array;
  /** exp(entropy of σ/Σσ), see effectiveRank. */
  readonly effectiveRank: number;
  /** Count of σ_i > relativeTolerance·σ_max. */
  readonly numericalRank: number;
  /** The relative tolerance used. */
  readonly relativeTolerance: number;
  /** relativeTolerance·σ_max: the line to draw on a log-scale chart. */
  readonly absoluteTolerance: number;
}

export interface SpectrumOptions extends AsyncProgressOptions {
  /**
   * Relative tolerance of the numerical rank. Default max(rows, cols)·ε with ε
   * the unit roundoff of the data's type: float32 for a Float32Array (GPU
   * weights), float64 otherwise.
   */
  readonly relativeTolerance?: number;
}

/** Summary of given singular values (descending) of a rows×cols matrix. */
export function summarizeSpectrum(
  values: Float64Array,
  rows: number,
  cols: number,
  relativeTolerance = defaultRankTolerance(rows, cols),
): SpectrumSummary {
  const largest = values.length > 0 ? values[0] : 0;
  return {
    values,
    effectiveRank: effectiveRank(values),
    numericalRank: numericalRank(values, relativeTolerance),
    relativeTolerance,
    absoluteTolerance: relativeTolerance * largest,
  };
}

export function spectrum(matrix: DenseMatrix, options: SpectrumOptions = {}): SpectrumSummary {
  return summarizeSpectrum(
    singularValues(matrix, options),
    matrix.rows,
    matrix.cols,
    toleranceOf(matrix, options),
  );
}

export async function spectrumAsync(
  matrix: DenseMatrix,
  options: SpectrumOptions = {},
): Promise<SpectrumSummary> {
  const values = await singularValuesAsync(matrix, options);
  return summarizeSpectrum(values, matrix.rows, matrix.cols, toleranceOf(matrix, options));
}

function toleranceOf(matrix: DenseMatrix, options: SpectrumOptions): number {
  if (options.relativeTolerance !== undefined) return options.relativeTolerance;
  const epsilon = matrix.data instanceof Float32Array ? FLOAT32_EPSILON : FLOAT64_EPSILON;
  return defaultRankTolerance(matrix.rows, matrix.cols, epsilon);
}
