// Messages between the feature-map labs and their analysis Worker
// (./featureAnalysis.worker.ts). Everything is structured-clonable.
import type { PerformerSweepPoint } from '../../engine';
import type { FeatureAnalysis, FocusPoint, MapSettings } from './featureAnalysis';
import type { ProblemInputs } from './useProblem';

export type FeatureWorkerCall =
  | {
      readonly kind: 'analyze';
      readonly id: number;
      readonly inputs: ProblemInputs;
      readonly settings: MapSettings;
    }
  | {
      readonly kind: 'sweep';
      readonly id: number;
      readonly inputs: ProblemInputs;
      readonly causal: boolean;
    }
  | {
      readonly kind: 'focus-sweep';
      readonly id: number;
      readonly inputs: ProblemInputs;
      readonly causal: boolean;
    }
  | { readonly kind: 'cancel'; readonly id: number };

export type FeatureWorkerReply =
  | { readonly kind: 'progress'; readonly id: number; readonly fraction: number }
  | { readonly kind: 'analysis'; readonly id: number; readonly analysis: FeatureAnalysis }
  | { readonly kind: 'sweep'; readonly id: number; readonly points: PerformerSweepPoint[] }
  | { readonly kind: 'focus-sweep'; readonly id: number; readonly points: FocusPoint[] }
  | { readonly kind: 'error'; readonly id: number; readonly name: string; readonly message: string };
