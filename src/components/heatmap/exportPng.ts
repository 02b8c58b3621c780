// PNG export of the heatmap: the raster scaled up by whole pixels (no
// smoothing) to at least 512 px a side.
import { downloadBlob, fileSlug } from '../export/download';
import { canvasToPngBlob } from '../export/svgImage';

export async function exportHeatmapPng(
  canvas: HTMLCanvasElement,
  outRows: number,
  outCols: number,
  name: string,
): Promise<void> {
  const scale = Math.max(1, Math.ceil(512 / Math.max(outRows, outCols)));
  const copy = document.createElement('canvas');
  copy.width = outCols * scale;
  copy.height = outRows * scale;
  const context = copy.getContext('2d');
  if (!context) return;
  context.imageSmoothingEnabled = false;
  context.drawImage(canvas, 0, 0, copy.width, copy.height);
  downloadBlob(await canvasToPngBlob(copy), `${fileSlug(name)}.png`);
}
