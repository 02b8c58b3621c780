// Web Worker of the family lab: the float64 maps, costs and errors of
// ./gallery.ts off the main thread, with progress and cancel (the drivers
// yield between families, so a cancel is seen before the next one starts).
import { type AnalysisPort, serveCancellableCalls } from '../../engine';
import { computeCostCurves, computeGallery } from './gallery';
import type { GalleryCall, GalleryReply } from './protocol';

serveCancellableCalls<GalleryCall, GalleryReply>(
  self as unknown as AnalysisPort<GalleryCall, GalleryReply>,
  async (call, options) => {
    if (call.kind === 'gallery') {
      const gallery = await computeGallery(call.inputs, call.settings, options);
      const transfer = gallery.entries.flatMap((e) => (e.map ? [e.map.buffer] : []));
      return { reply: { kind: 'gallery', id: call.id, gallery }, transfer };
    }
    const curves = await computeCostCurves(call.inputs, call.settings, options);
    return { reply: { kind: 'costs', id: call.id, curves } };
  },
  60,
);
