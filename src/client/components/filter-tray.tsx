// While the reader builds a tag filter (current-filter.ts) and looks elsewhere (the cloud, a tag's
// page, an article), a line at the foot of the screen names it: what a `+` adds to, a way back to
// it, and a way to end it. Not on the filter's own page; fixed, so nothing on the page moves for it.
import { useLocation } from 'react-router-dom';
import { FilterLink } from './filter-link.tsx';
import { paths } from '../lib/paths.ts';
import { t } from '../lib/site.ts';
import { setCurrentFilter, useCurrentFilter } from '../lib/current-filter.ts';

export function FilterTray() {
  const filter = useCurrentFilter();
  const { pathname, search } = useLocation();
  if (!filter || (pathname === '/' && new URLSearchParams(search).has('tags'))) return null;
  return (
    <aside className="filter-tray" aria-label={t.currentFilter}>
      <FilterLink to={paths.filter(filter.tags, filter.mode, filter.range)}>
        <span className="filter-tray-label">{t.currentFilter}</span>{' '}
        {filter.tags.join(filter.mode === 'and' ? ' + ' : ' / ')}
      </FilterLink>
      <button type="button" aria-label={t.clearFilter} onClick={() => setCurrentFilter(null)}>
        ×
      </button>
    </aside>
  );
}
