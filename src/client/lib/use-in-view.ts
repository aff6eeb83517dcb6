import { useEffect, useRef } from 'react';

/** Calls `onEnter` whenever the element comes within `margin` of the viewport. */
export function useInView<T extends Element>(onEnter: () => void, margin = '600px') {
  const ref = useRef<T>(null);
  const callback = useRef(onEnter);
  useEffect(() => {
    callback.current = onEnter;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && callback.current(),
      {
        rootMargin: margin,
      },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [margin]);
  return ref;
}
