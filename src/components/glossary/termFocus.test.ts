// The glossary's focus requests: hashes name entries, a request made before the
// glossary mounts is kept for it, and listeners hear later requests.
import { describe, expect, it } from 'vitest';
import { onTermFocus, requestTermFocus, takePendingTerm, termFromHash } from './termFocus';

describe('termFocus', () => {
  it('reads the entry id of a #term- hash and nothing else', () => {
    expect(termFromHash('#term-state-matrix')).toBe('state-matrix');
    expect(termFromHash('#term-')).toBeNull();
    expect(termFromHash('#step-heading')).toBeNull();
    expect(termFromHash('')).toBeNull();
  });

  it('keeps a request for the glossary once, and tells listeners', () => {
    const heard: string[] = [];
    requestTermFocus('rank');
    expect(takePendingTerm()).toBe('rank');
    expect(takePendingTerm()).toBeNull();
    const stop = onTermFocus((id) => heard.push(id));
    requestTermFocus('kernel');
    stop();
    requestTermFocus('decay');
    expect(heard).toEqual(['kernel']);
    expect(takePendingTerm()).toBe('decay');
  });
});
