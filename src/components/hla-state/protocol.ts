// Messages between lesson 11's lab and its analysis Worker.
import type { ProblemInputs } from '../lab/useProblem';
import type { HlaAnalysis, HlaAnalysisSettings } from './analysis';

export type HlaWorkerCall =
  | {
      readonly kind: 'analyze';
      readonly id: number;
      readonly inputs: ProblemInputs;
      readonly settings: HlaAnalysisSettings;
    }
  | { readonly kind: 'cancel'; readonly id: number };

export type HlaWorkerReply =
  | { readonly kind: 'analysis'; readonly id: number; readonly analysis: HlaAnalysis }
  | { readonly kind: 'progress'; readonly id: number; readonly fraction: number }
  | { readonly kind: 'error'; readonly id: number; readonly name: string; readonly message: string };
