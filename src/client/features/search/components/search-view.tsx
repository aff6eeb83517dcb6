// `/search/?q=…&tags=A,B&sort=date`: what the query finds, as list cards with the matching passage
// marked; narrowed by tags (each offered with the number of results it would leave); by relevance
// (title matches first) or by date. The query is typed in the header's box (search-box.tsx).
import { useEffect } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { parseQuery } from '../../../../shared/search-terms.ts';
import { paths } from '../../../app/paths.ts';
import { PostList } from '../../../components/post-list.tsx';
import { ErrorNotice, Skeleton } from '../../../components/status.tsx';
import { ChosenTags, TagSuggestions } from '../../../components/tag-chips.tsx';
import { t } from '../../../lib/site.ts';
import { tagOrdinalsQuery } from '../../../lib/tag-ordinals.ts';
import { coTags, combine, countWith, intersect, parseFilter } from '../../../lib/tag-sets.ts';
import { searchFirstScreenQuery, searchHitsQuery, searchId } from '../api/get-search.ts';
import { ranked } from '../lib/search-index.ts';
import { SearchCard } from './search-card.tsx';

const SUGGESTIONS = 8;

export default function SearchView() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const { tags } = parseFilter(params);
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  const query = parseQuery(q);
  const searching = query.terms.length > 0;
  const hits = useQuery({ ...searchHitsQuery(q), enabled: searching });
  const lists = useQueries({ queries: tags.map((tag) => tagOrdinalsQuery(tag)) });
  const failed = hits.error ?? lists.find((l) => l.error)?.error;
  const narrowed =
    hits.data && lists.every((l) => l.data)
      ? ((only: number[]) => ({
          all: intersect(hits.data.all, only),
          title: intersect(hits.data.title, only),
        }))(
          tags.length > 0
            ? combine(
                lists.map((l) => l.data!),
                'and',
              )
            : hits.data.all,
        )
      : undefined;
  const result = narrowed && ranked(narrowed, sort);
  const id = searchId(q, tags, sort);
  const firstPage = useQuery(searchFirstScreenQuery(id, result));
  // Count, suggestions and cards appear together, in the placeholder's place.
  const shown = result && (firstPage.data || firstPage.isError) ? result : undefined;
  const candidates = coTags(firstPage.data ?? [], tags, SUGGESTIONS);
  const candidateLists = useQueries({ queries: candidates.map((c) => tagOrdinalsQuery(c.name)) });
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
              to={paths.search(q, tags, s)}
              aria-current={s === sort ? 'true' : undefined}
              replace
            >
              {s === 'relevance' ? t.sortRelevance : t.sortDate}
            </Link>
          ))}
        </div>
      </div>
      {tags.length > 0 && (
        <ChosenTags
          tags={tags}
          without={(tag) =>
            paths.search(
              q,
              tags.filter((x) => x !== tag),
              sort,
            )
          }
        />
      )}
      {shown && shown.length > 0 && candidates.length > 0 && (
        <TagSuggestions
          tags={candidates.map((c) => c.name)}
          adding={(tag) => paths.search(q, [...tags, tag], sort)}
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
