import { useEffect, useRef, type RefObject } from 'react';

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

/** Whether an element is on screen now. */
export function inSight(el: Element | null): boolean {
  if (!el || typeof IntersectionObserver === 'undefined') return false;
  const rect = el.getBoundingClientRect();
  return rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight;
}

/** Calls `then` once the element is out of sight; returns what stops waiting. */
export function whenOutOfSight(target: Element, then: () => void): () => void {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => !e.isIntersecting)) {
      observer.disconnect();
      then();
    }
  });
  observer.observe(target);
  return () => observer.disconnect();
}

/** Calls `then` once the element is out of sight, while `waiting`. */
export function useOutOfSight(el: RefObject<Element | null>, waiting: boolean, then: () => void) {
  const callback = useRef(then);
  useEffect(() => {
    callback.current = then;
  });
  useEffect(() => {
    const target = el.current;
    if (!waiting || !target) return;
    return whenOutOfSight(target, () => callback.current());
  }, [el, waiting]);
}
