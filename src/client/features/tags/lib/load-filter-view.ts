// The tag filter's view, a chunk of its own (it is not on a first visit's path: the initial JS
// budget), fetched when the reader shows the intent to open a filter (FilterLink) or the page starts
// on one (route-view.tsx: viewReady).
import { preloadable } from '../../../lib/preloadable.ts';

export const loadFilterView = preloadable(() => import('../components/tag-filter-view.tsx'));
