// `/search/?q=…&tags=A,B&category=C&author=D&sort=date&from=2020-01&to=2023-12`: what the query finds,
// as list cards with the matching passage marked; narrowed by tags, categories and authors (each
// offered with the number of results it would leave) and by months; by relevance (title matches first)
// or by date. The query is typed in the header's box (search-box.tsx).
import { useEffect, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { ArchiveIndex } from '../../../../shared/contract.ts';
import { dataFileQuery } from '../../../lib/queries.ts';
import { manifest } from '../../../lib/site.ts';
import {
  hasRange,
  monthKey,
  parseRange,
  rangeOrdinals,
  within,
  type DateRange,
} from '../../../lib/date-range.ts';
import { parseQuery } from '../../../../shared/search-terms.ts';
import { paths } from '../../../lib/paths.ts';
import { firstScreenQuery, PostList } from '../../../components/post-list.tsx';
import { ErrorNotice, Skeleton } from '../../../components/status.tsx';
import { ChosenFacets, FacetSuggestions } from '../../../components/tag-chips.tsx';
import { t } from '../../../lib/site.ts';
import { facetOrdinalsQuery } from '../../../lib/facet-ordinals.ts';
import { coFacets, combine, countWith, intersect, parseFacets } from '../../../lib/tag-sets.ts';
import { searchHitsQuery, searchId } from '../api/get-search.ts';
import { ranked } from '../lib/search-index.ts';
import { SearchCard } from './search-card.tsx';

/** Suggestions to narrow by, of each kind, from the first screen's posts. */
const SUGGESTIONS = { tag: 8, category: 3, author: 3 };

/**
 * The months a list is narrowed to: two choices from the archive's months (either may be left open),
 * in a disclosure that fetches the archive's index when first opened; open while a range is set.
 */
function Dates({
  range,
  archive,
  onOpen,
  to,
}: {
  range: DateRange;
  archive?: ArchiveIndex;
  onOpen: () => void;
  to: (range: DateRange) => string;
}) {
  const navigate = useNavigate();
  const months = (archive?.years ?? []).flatMap((y) => y.months.map((m) => [y.year, m.month] as const));
  const choose = (key: 'from' | 'to', value: string) =>
    void navigate(to({ ...range, [key]: value || undefined }), { replace: true });
  const select = (key: 'from' | 'to') => (
    <label>
      {key === 'from' ? t.dateFrom : t.dateTo}{' '}
      <select value={range[key] ?? ''} onChange={(e) => choose(key, e.target.value)}>
        <option value="">{t.anyDate}</option>
        {/* a month in the URL the archive does not have stays shown as chosen */}
        {range[key] && !months.some(([y, m]) => monthKey(y, m) === range[key]) && (
          <option value={range[key]}>{range[key]}</option>
        )}
        {months.map(([y, m]) => (
          <option key={monthKey(y, m)} value={monthKey(y, m)}>
            {t.yearMonth(y, m)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <details
      className="date-range"
      open={hasRange(range) || undefined}
      onToggle={(e) => e.currentTarget.open && onOpen()}
    >
      <summary>{t.dateRange}</summary>
      <div className="date-range-fields">
        {select('from')}
        {select('to')}
        {hasRange(range) && (
          <Link to={to({})} replace>
            {t.anyDate}
          </Link>
        )}
      </div>
    </details>
  );
}

export default function SearchView() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const facets = parseFacets(params);
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  const range = parseRange(params);
  const [choosing, setChoosing] = useState(false);
  // the archive's months: what a range is read against, and offered from (fetched when wanted)
  const archive = useQuery({
    ...dataFileQuery<ArchiveIndex>(manifest.files.archive),
    enabled: hasRange(range) || choosing,
  });
  const query = parseQuery(q);
  const searching = query.terms.length > 0;
  const hits = useQuery({ ...searchHitsQuery(q), enabled: searching });
  const lists = useQueries({ queries: facets.map((f) => facetOrdinalsQuery(f.kind, f.name)) });
  const failed = hits.error ?? lists.find((l) => l.error)?.error ?? (hasRange(range) ? archive.error : null);
  const months = hasRange(range) ? archive.data && rangeOrdinals(archive.data, range) : undefined;
  const narrowed =
    hits.data && lists.every((l) => l.data) && (!hasRange(range) || months)
      ? ((only: number[]) => ({
          all: months ? within(intersect(hits.data.all, only), months) : intersect(hits.data.all, only),
          title: months ? within(intersect(hits.data.title, only), months) : intersect(hits.data.title, only),
        }))(
          facets.length > 0
            ? combine(
                lists.map((l) => l.data!),
                'and',
              )
            : hits.data.all,
        )
      : undefined;
  const result = narrowed && ranked(narrowed, sort);
  const id = searchId(q, facets, sort, range);
  const firstPage = useQuery(firstScreenQuery(id, result));
  // Count, suggestions and cards appear together, in the placeholder's place.
  const shown = result && (firstPage.data || firstPage.isError) ? result : undefined;
  const candidates = coFacets(firstPage.data ?? [], facets, SUGGESTIONS);
  const candidateLists = useQueries({
    queries: candidates.map((c) => facetOrdinalsQuery(c.kind, c.name)),
  });
  const ready = shown !== undefined;
  useEffect(() => {
    if (ready) performance.mark('folio:search-rendered', { detail: id });
  }, [ready, id]);

  if (!searching)
    return (
      <section className="search">
        <h1>{t.search}</h1>
        <p>{t.searchHint}</p>
      </section>
    );
  return (
    <section className="search">
      <h1 className="visually-hidden">{t.search}</h1>
      <div className="search-bar">
        {shown && (
          <p className="filter-count" role="status">
            {t.searchResults(shown.length)}
          </p>
        )}
        <div className="mode-switch" role="group" aria-label={t.sortBy}>
          {(['relevance', 'date'] as const).map((s) => (
            <Link
              key={s}
              to={paths.search(q, facets, s, range)}
              aria-current={s === sort ? 'true' : undefined}
              replace
            >
              {s === 'relevance' ? t.sortRelevance : t.sortDate}
            </Link>
          ))}
        </div>
      </div>
      <Dates
        range={range}
        archive={archive.data}
        onOpen={() => setChoosing(true)}
        to={(r) => paths.search(q, facets, sort, r)}
      />
      {facets.length > 0 && (
        <ChosenFacets
          facets={facets}
          without={(f) =>
            paths.search(
              q,
              facets.filter((x) => x !== f),
              sort,
              range,
            )
          }
        />
      )}
      {shown && shown.length > 0 && candidates.length > 0 && (
        <FacetSuggestions
          facets={candidates}
          adding={(f) => paths.search(q, [...facets, f], sort, range)}
          counts={candidateLists.map((l) => l.data && countWith(narrowed!.all, l.data, 'and'))}
        />
      )}
      {failed && (
        <ErrorNotice
          error={failed}
          onRetry={() => {
            if (hits.error) void hits.refetch();
            lists.forEach((l) => l.error && void l.refetch());
          }}
        />
      )}
      {!shown && !failed && <Skeleton />}
      {shown && shown.length === 0 && <p className="no-results">{t.noResults(q)}</p>}
      {shown && shown.length > 0 && (
        <PostList
          key={id}
          source={{ kind: 'ordinals', id, ordinals: shown }}
          total={shown.length}
          first={firstPage.data}
          card={(post, onIntent) => <SearchCard post={post} pieces={query.pieces} onIntent={onIntent} />}
        />
      )}
    </section>
  );
}
