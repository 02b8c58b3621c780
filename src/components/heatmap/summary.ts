// Numbers behind the heatmap's text alternative: what a sighted reader takes in
// at a glance (size, strongest weight and where, how far from the diagonal the
// weight sits on average).
export interface MatrixSummary {
  readonly rows: number;
  readonly cols: number;
  readonly max: number;
  readonly maxAt: { readonly i: number; readonly j: number };
  /** Mean over rows of Σ_j w_ij·|i − j| / Σ_j w_ij (rows of zero weight left out); null if no row has weight. */
  readonly meanDiagonalDistance: number | null;
}

export function summarizeMatrix(data: ArrayLike<number>, rows: number, cols: number): MatrixSummary {
  let max = -Infinity;
  let maxI = 0;
  let maxJ = 0;
  let distanceSum = 0;
  let weightedRows = 0;
  for (let i = 0; i < rows; i++) {
    let rowWeight = 0;
    let rowDistance = 0;
    for (let j = 0; j < cols; j++) {
      const w = data[i * cols + j];
      if (w > max) {
        max = w;
        maxI = i;
        maxJ = j;
      }
      const positive = Math.abs(w);
      rowWeight += positive;
      rowDistance += positive * Math.abs(i - j);
    }
    if (rowWeight > 0) {
      distanceSum += rowDistance / rowWeight;
      weightedRows++;
    }
  }
  return {
    rows,
    cols,
    max: rows * cols > 0 ? max : 0,
    maxAt: { i: maxI, j: maxJ },
    meanDiagonalDistance: weightedRows > 0 ? distanceSum / weightedRows : null,
  };
}
