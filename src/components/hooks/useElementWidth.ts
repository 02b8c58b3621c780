// Width of an element in CSS pixels, kept current with a ResizeObserver, so
// charts lay themselves out for the column they are in (390 px phones up).
import { useCallback, useEffect, useState } from 'react';

export function useElementWidth<T extends HTMLElement>(fallback: number): [(node: T | null) => void, number] {
  const [node, setNode] = useState<T | null>(null);
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((element: T | null) => setNode(element), []);
  useEffect(() => {
    if (!node) return;
    const measure = () => {
      const w = node.clientWidth;
      if (w > 0) setWidth(Math.floor(w));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [node]);
  return [ref, width];
}
