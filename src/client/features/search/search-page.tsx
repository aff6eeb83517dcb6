// The search page's code, its own chunk: fetched by the header's box as soon as the reader types
// (preloadable.ts), so that the page opens without waiting for it.
import { use } from 'react';
import { preloadable } from '../../lib/preloadable.ts';

export const loadSearchView = preloadable(() => import('./components/search-view.tsx'));

export function SearchPage() {
  const { default: SearchView } = use(loadSearchView());
  return <SearchView />;
}
