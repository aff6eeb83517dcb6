// The tags (and, on the search page, categories and authors) a list is narrowed by, each with a way to
// take it off; and those to narrow it further, each with the number of posts it would leave (blank
// until known). The tag filter's and search's.
import { Link } from 'react-router-dom';
import { paths } from '../lib/paths.ts';
import { facetKindLabel, t } from '../lib/site.ts';
import type { Facet } from '../lib/tag-sets.ts';

/** A chip's text: a tag's name, or a category's or author's with what it is. */
const label = (f: Facet) => (f.kind === 'tag' ? f.name : t.facetChip(facetKindLabel[f.kind], f.name));
const keyOf = (f: Facet) => `${f.kind}\n${f.name}`;

/**
 * The chosen ones; `without(f)` is the address of the same list without that one, `onRemove(f)` told
 * when it is taken off.
 */
export function ChosenFacets({
  facets,
  without,
  onRemove,
}: {
  facets: Facet[];
  without: (f: Facet) => string;
  onRemove?: (f: Facet) => void;
}) {
  return (
    <ul className="chips" aria-label={t.filterTags}>
      {facets.map((f) => (
        <li key={keyOf(f)} className="chip">
          <Link to={paths.facet(f.kind, f.name)}>{label(f)}</Link>
          <Link
            className="chip-remove"
            to={without(f)}
            aria-label={t.removeFromFilter(label(f))}
            onClick={() => onRemove?.(f)}
          >
            ×
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Ones to add, under `heading`; `adding(f)` is the address of the list with it; `counts` come as they
 * are known (a figure's room is kept), `labels` name each for a screen reader with its count.
 * `choosing(f)` is told as soon as the reader shows the intent (a pointer over it or pressed on it,
 * the keyboard on it, the click itself), so the list it leads to can be fetched ahead of the view.
 * `empty`: what to say when there are none (else nothing is shown).
 */
export function FacetSuggestions({
  heading = t.narrowBy,
  facets,
  adding,
  counts,
  labels,
  choosing,
  empty,
  className = 'suggestions',
  busy = false,
}: {
  heading?: string;
  facets: Facet[];
  adding: (f: Facet) => string;
  counts: (number | string | undefined)[];
  labels?: string[];
  choosing?: (f: Facet) => void;
  empty?: string;
  className?: string;
  busy?: boolean;
}) {
  return (
    <div className={className} aria-busy={busy || undefined}>
      <h2>{heading}</h2>
      {facets.length === 0 && empty ? (
        <p className="suggestions-none">{empty}</p>
      ) : (
        <ul className="chips">
          {facets.map((f, i) => (
            <li key={keyOf(f)} className="chip">
              <Link
                to={adding(f)}
                aria-label={labels?.[i] ?? t.addToFilter(label(f))}
                onPointerEnter={() => choosing?.(f)}
                onPointerDown={() => choosing?.(f)}
                onFocus={() => choosing?.(f)}
                onClick={() => choosing?.(f)}
              >
                + {label(f)} <span className="chip-count">{counts[i] ?? '\u2007'}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
