// `/tags/`: the most used tags sized by count (log scale), a filter over the full list (loaded when
// used), sorted by count or by name; each tag links to its page and can be added to the filter being
// built (current-filter.ts), or start one.
import { useMemo, useState, type CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { FacetCount } from '../../../../shared/contract.ts';
import { cloudSize, facetKey } from '../../../../shared/facets.ts';
import { paths } from '../../../lib/paths.ts';
import { ErrorNotice, Skeleton } from '../../../components/status.tsx';
import { dataFileQuery } from '../../../lib/queries.ts';
import { manifest, t } from '../../../lib/site.ts';
import { adding, holds, useCurrentFilter } from '../../../lib/current-filter.ts';
import { FilterLink } from '../../../components/filter-link.tsx';
import { tagBoxInput, useScriptFold } from '../../../lib/use-script-fold.ts';

// Made when the cloud is first sorted by name: built as this module loads, it had every page (this
// module is in the main chunk) load ICU's collation data for the site's language: 46-58 ms at
// Lighthouse's 4x slower CPU, in the blocking time of every first screen (the Lighthouse budget).
let collator: Intl.Collator | undefined;
const byName = (a: string, b: string) => (collator ??= new Intl.Collator(manifest.site.lang)).compare(a, b);

export { cloudSize };

/** `top`: the most used tags, as the page carried them (else fetched). */
export function TagCloudView({ top: carried }: { top?: FacetCount[] } = {}) {
  const current = useCurrentFilter();
  const [sort, setSort] = useState<'count' | 'name'>('count');
  const [filter, setFilter] = useState('');
  const [wantAll, setWantAll] = useState(false);
  const top = useQuery({ ...dataFileQuery<FacetCount[]>(manifest.files.tagsTop), initialData: carried });
  const all = useQuery({ ...dataFileQuery<FacetCount[]>(manifest.files.tags), enabled: wantAll });
  // (case, width and script aside: 台灣 finds 台湾, once the script tables have come with the box)
  const fold = useScriptFold(wantAll);
  const needle = fold(facetKey(filter));
  const shown = useMemo(() => {
    const source = needle
      ? (all.data ?? []).filter((c) => fold(facetKey(c.name)).includes(needle)).slice(0, 300)
      : (top.data ?? []);
    return [...source].sort((a, b) => (sort === 'count' ? b.count - a.count : byName(a.name, b.name)));
  }, [needle, all.data, top.data, sort, fold]);
  const counts = shown.map((c) => c.count);
  const [min, max] = [Math.min(...counts), Math.max(...counts)];
  const error = top.error ?? all.error;
  return (
    <section>
      <h1>{t.tagCloud}</h1>
      <div className="cloud-controls">
        <label>
          {t.filterTags}{' '}
          <input
            {...tagBoxInput(filter, setFilter, () => setWantAll(true))}
            placeholder={t.filterPlaceholder}
          />
        </label>
        <div role="group" aria-label={`${t.sortByCount} / ${t.sortByName}`} className="mode-switch">
          <button type="button" aria-pressed={sort === 'count'} onClick={() => setSort('count')}>
            {t.sortByCount}
          </button>
          <button type="button" aria-pressed={sort === 'name'} onClick={() => setSort('name')}>
            {t.sortByName}
          </button>
        </div>
      </div>
      {error && (
        <ErrorNotice error={error} onRetry={() => void (top.error ? top.refetch() : all.refetch())} />
      )}
      {(top.isPending || (needle && all.isPending)) && !error && <Skeleton rows={1} />}
      <ul className={needle ? 'tag-table' : 'tag-cloud'}>
        {shown.map((c) => (
          <li
            key={c.name}
            // (its size in rem, scaled down on a phone by the style sheet)
            style={
              needle ? undefined : ({ '--cloud': cloudSize(c.count, min, max).toFixed(2) } as CSSProperties)
            }
          >
            <Link to={paths.tag(c.name)}>
              {c.name} <span className="chip-count">{c.count}</span>
            </Link>
            {!holds(current, c.name) && (
              <FilterLink className="cloud-add" to={adding(current, [c.name])} label={t.addToFilter(c.name)}>
                +
              </FilterLink>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
