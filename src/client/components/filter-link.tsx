// A link to a tag filter (a `+`, the filter being built): the filter's view is fetched as soon as the
// reader points at, presses or focuses it, not once the new page renders.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { prefetchFilterView as fetchView } from '../lib/filter-intent.ts';

export function FilterLink({
  to,
  className,
  label,
  children,
}: {
  to: string;
  className?: string;
  label?: string;
  children: ReactNode;
}) {
  return (
    <Link
      to={to}
      className={className}
      aria-label={label}
      onPointerEnter={fetchView}
      onPointerDown={fetchView}
      onFocus={fetchView}
    >
      {children}
    </Link>
  );
}
