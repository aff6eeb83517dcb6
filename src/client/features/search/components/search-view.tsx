// `/search/?q=…&tags=A,B&category=C&author=D&sort=date&from=2020-01&to=2023-12`: what the query finds,
// as list cards with the matching passage marked; narrowed by tags, categories and authors (each
// offered with the number of results it would leave) and by months; by relevance (title matches first)
// or by date. The query is typed in the header's box (search-box.tsx).
import { useEffect } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { hasRange, within } from '../../../lib/date-range.ts';
import { Dates, useDateRange } from '../../../components/date-range.tsx';
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

export default function SearchView() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const facets = parseFacets(params);
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  const { range, ordinals: months, ready: rangeReady, archive, open } = useDateRange();
  const query = parseQuery(q);
  const searching = query.terms.length > 0;
  const hits = useQuery({ ...searchHitsQuery(q), enabled: searching });
  const lists = useQueries({ queries: facets.map((f) => facetOrdinalsQuery(f.kind, f.name)) });
  const failed = hits.error ?? lists.find((l) => l.error)?.error ?? (hasRange(range) ? archive.error : null);
  // the hits the tags, categories and authors leave, within the months
  const keep = (hits: number[], only: number[]) => {
    const kept = intersect(hits, only);
    return months ? within(kept, months) : kept;
  };
  const narrowed =
    hits.data && lists.every((l) => l.data) && rangeReady
      ? ((only: number[]) => ({ all: keep(hits.data.all, only), title: keep(hits.data.title, only) }))(
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
        onOpen={open}
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
            if (archive.error) void archive.refetch();
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
