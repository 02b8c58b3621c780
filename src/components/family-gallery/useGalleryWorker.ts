// The page side of the gallery Worker: one promise per call, progress, and an
// AbortSignal that cancels the call in the Worker. Created on mount, ended on unmount.
import { useEffect, useRef } from 'react';
import type { CostCurve, FamilySettings, Gallery, GalleryInputs } from './gallery';
import type { GalleryCall, GalleryReply } from './protocol';

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
  const pending = new Map<
    number,
    { resolve: (r: GalleryReply) => void; reject: (e: Error) => void; onProgress: (f: number) => void }
  >();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<GalleryReply>) => {
    const reply = event.data;
    const entry = pending.get(reply.id);
    if (!entry) return;
    if (reply.kind === 'progress') {
      entry.onProgress(reply.fraction);
      return;
    }
    pending.delete(reply.id);
    if (reply.kind === 'error') {
      const error = new Error(reply.message);
      error.name = reply.name;
      entry.reject(error);
    } else entry.resolve(reply);
  };
  const call = (
    message: GalleryCall & { id: number },
    signal: AbortSignal,
    onProgress: (f: number) => void,
  ) =>
    new Promise<GalleryReply>((resolve, reject) => {
      if (signal.aborted) {
        reject(new DOMException('cancelled', 'AbortError'));
        return;
      }
      const onAbort = () => {
        if (!pending.delete(message.id)) return;
        worker.postMessage({ kind: 'cancel', id: message.id } satisfies GalleryCall);
        reject(new DOMException('cancelled', 'AbortError'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      pending.set(message.id, { resolve, reject, onProgress });
      worker.postMessage(message);
    });
  return {
    gallery: async (inputs, settings, signal, onProgress) => {
      const reply = await call({ kind: 'gallery', id: nextId++, inputs, settings }, signal, onProgress);
      if (reply.kind !== 'gallery') throw new Error(`unexpected reply ${reply.kind}`);
      return reply.gallery;
    },
    costs: async (inputs, settings, signal, onProgress) => {
      const reply = await call({ kind: 'costs', id: nextId++, inputs, settings }, signal, onProgress);
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
