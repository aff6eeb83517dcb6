import { Link } from 'react-router-dom';
import { paths } from '../lib/paths.ts';
import { t } from '../lib/site.ts';
import { adding, holds, useCurrentFilter } from '../lib/current-filter.ts';
import { FilterLink } from './filter-link.tsx';

/**
 * A post's categories and tags as links to their pages; while the reader is building a tag filter
 * (current-filter.ts), each tag it does not hold has a `+` that adds it.
 */
export function TagList({ tags, categories = [] }: { tags: string[]; categories?: string[] }) {
  const filter = useCurrentFilter();
  if (tags.length === 0 && categories.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t.tags}>
      {categories.map((c) => (
        <li key={`c-${c}`}>
          <Link to={paths.facet('category', c)}>{c}</Link>
        </li>
      ))}
      {tags.map((tag) => (
        <li key={tag}>
          <Link to={paths.tag(tag)}>{tag}</Link>
          {filter && !holds(filter, tag) && (
            <FilterLink className="tag-add" to={adding(filter, [tag])} label={t.addToFilter(tag)}>
              +
            </FilterLink>
          )}
        </li>
      ))}
    </ul>
  );
}
