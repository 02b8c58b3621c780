// The page side of the gallery Worker: one promise per call, progress, and an
// AbortSignal that cancels the call in the Worker. Created on mount, ended on unmount.
import { useEffect, useRef } from 'react';
import type { CostCurve, FamilySettings, Gallery, GalleryInputs } from './gallery';
import type { GalleryCall, GalleryReply } from './protocol';
import { workerCalls } from '../hooks/workerCalls';

export interface GalleryClient {
  gallery(
    inputs: GalleryInputs,
    settings: FamilySettings,
    signal: AbortSignal,
    onProgress: (f: number) => void,
  ): Promise<Gallery>;
  costs(
    inputs: Omit<GalleryInputs, 'n'>,
    settings: FamilySettings,
    signal: AbortSignal,
    onProgress: (f: number) => void,
  ): Promise<CostCurve[]>;
}

function createClient(worker: Worker): GalleryClient {
  const call = workerCalls<GalleryCall, GalleryReply>(worker);
  let nextId = 1;
  return {
    gallery: async (inputs, settings, signal, onProgress) => {
      const reply = await call({ kind: 'gallery', id: nextId++, inputs, settings }, { signal, onProgress });
      if (reply.kind !== 'gallery') throw new Error(`unexpected reply ${reply.kind}`);
      return reply.gallery;
    },
    costs: async (inputs, settings, signal, onProgress) => {
      const reply = await call({ kind: 'costs', id: nextId++, inputs, settings }, { signal, onProgress });
      if (reply.kind !== 'costs') throw new Error(`unexpected reply ${reply.kind}`);
      return reply.curves;
    },
  };
}

export function useGalleryWorker(): { readonly current: GalleryClient | null } {
  const client = useRef<GalleryClient | null>(null);
  useEffect(() => {
    const worker = new Worker(new URL('./gallery.worker.ts', import.meta.url), {
      type: 'module',
      name: 'family-gallery',
    });
    client.current = createClient(worker);
    return () => {
      worker.terminate();
      client.current = null;
    };
  }, []);
  return client;
}
