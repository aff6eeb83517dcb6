// The tags a list is narrowed by, each with a way to take it off; and the tags to narrow it further,
// each with the number of posts it would leave (blank until known). The tag filter's and search's.
import { Link } from 'react-router-dom';
import { paths } from '../app/paths.ts';
import { t } from '../lib/site.ts';

/** The chosen tags; `without(tag)` is the address of the same list without that one. */
export function ChosenTags({ tags, without }: { tags: string[]; without: (tag: string) => string }) {
  return (
    <ul className="chips" aria-label={t.filterTags}>
      {tags.map((tag) => (
        <li key={tag} className="chip">
          <Link to={paths.tag(tag)}>{tag}</Link>
          <Link className="chip-remove" to={without(tag)} aria-label={t.removeFromFilter(tag)}>
            ×
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Tags to add; `adding(tag)` is the address of the list with it; counts come as they are known.
 * `choosing(tag)` is told as soon as the reader shows the intent (a pointer over it or pressed on it,
 * the keyboard on it, the click itself), so the list it leads to can be fetched ahead of the view.
 */
export function TagSuggestions({
  tags,
  adding,
  counts,
  choosing,
}: {
  tags: string[];
  adding: (tag: string) => string;
  counts: (number | undefined)[];
  choosing?: (tag: string) => void;
}) {
  return (
    <div className="suggestions">
      <h2>{t.narrowBy}</h2>
      <ul className="chips">
        {tags.map((tag, i) => (
          <li key={tag} className="chip">
            <Link
              to={adding(tag)}
              aria-label={t.addToFilter(tag)}
              onPointerEnter={() => choosing?.(tag)}
              onPointerDown={() => choosing?.(tag)}
              onFocus={() => choosing?.(tag)}
              onClick={() => choosing?.(tag)}
            >
              + {tag} <span className="chip-count">{counts[i] ?? '\u2007'}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
