import { Link } from 'react-router-dom';
import { paths } from '../lib/paths.ts';
import { t } from '../lib/site.ts';

/** A post's categories and tags as links to their pages. */
export function TagList({ tags, categories = [] }: { tags: string[]; categories?: string[] }) {
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
        </li>
      ))}
    </ul>
  );
}
