import { useEffect, useRef } from 'react';

/**
 * Calls `onEnter` whenever the element comes within `margin` of the viewport, while `enabled` (once
 * enabled, at once if it is there already).
 */
export function useInView<T extends Element>(onEnter: () => void, margin = '600px', enabled = true) {
  const ref = useRef<T>(null);
  const callback = useRef(onEnter);
  useEffect(() => {
    callback.current = onEnter;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && callback.current(),
      {
        rootMargin: margin,
      },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [margin, enabled]);
  return ref;
}
