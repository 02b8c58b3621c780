// Which glossary entry to show: a <Term> link asks for one (requestTermFocus)
// and the glossary, mounted or mounting, scrolls to it and focuses it. The
// address carries the same request as a hash (#term-<id>), so a shared link
// lands on the entry; the canonical query itself is unchanged.
type Listener = (id: string) => void;

let pending: string | null = null;
const listeners = new Set<Listener>();

export function requestTermFocus(id: string): void {
  pending = id;
  for (const listener of listeners) listener(id);
}

/** The request made before the glossary mounted, if any (consumed). */
export function takePendingTerm(): string | null {
  const id = pending;
  pending = null;
  return id;
}

export function onTermFocus(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The entry id a hash names ('#term-rank' → 'rank'), or null. */
export function termFromHash(hash: string): string | null {
  const match = /^#term-([a-z0-9-]+)$/.exec(hash);
  return match ? match[1] : null;
}

/** Puts #term-<id> on the current history entry without navigating. */
export function writeTermHash(id: string): void {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}#term-${id}`);
}
