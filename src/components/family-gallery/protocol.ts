// Messages between the family lab and its Worker (./gallery.worker.ts).
import type { CostCurve, FamilySettings, Gallery, GalleryInputs } from './gallery';

export type GalleryCall =
  | {
      readonly kind: 'gallery';
      readonly id: number;
      readonly inputs: GalleryInputs;
      readonly settings: FamilySettings;
    }
  | {
      readonly kind: 'costs';
      readonly id: number;
      readonly inputs: Omit<GalleryInputs, 'n'>;
      readonly settings: FamilySettings;
    }
  | { readonly kind: 'cancel'; readonly id: number };

export type GalleryReply =
  | { readonly kind: 'progress'; readonly id: number; readonly fraction: number }
  | { readonly kind: 'gallery'; readonly id: number; readonly gallery: Gallery }
  | { readonly kind: 'costs'; readonly id: number; readonly curves: CostCurve[] }
  | { readonly kind: 'error'; readonly id: number; readonly name: string; readonly message: string };
