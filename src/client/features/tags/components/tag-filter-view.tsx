// `/?tags=A,B&mode=and|or&from=2020-01&to=2023-12`: chips for the chosen tags, an AND/OR switch, the
// months, the number of matching posts, and tags to narrow (or widen) by, each with the number of
// posts it would leave.
import { useDeferredValue, useEffect } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { paths } from '../../../lib/paths.ts';
import { firstScreenQuery, PostList } from '../../../components/post-list.tsx';
import { ErrorNotice, Skeleton } from '../../../components/status.tsx';
import { ChosenFacets, FacetSuggestions } from '../../../components/tag-chips.tsx';
import { t } from '../../../lib/site.ts';
import { tagOrdinalsQuery } from '../../../lib/facet-ordinals.ts';
import { coFacets, combine, countWith, type Facet, type Mode } from '../../../lib/tag-sets.ts';
import { within, type DateRange } from '../../../lib/date-range.ts';
import { Dates, useDateRange } from '../../../components/date-range.tsx';

const SUGGESTIONS = 8;

const asTag = (name: string): Facet => ({ kind: 'tag', name });

const filterId = (tags: string[], mode: Mode, range: DateRange) =>
  `${mode}:${tags.join(',')}:${range.from ?? ''}-${range.to ?? ''}`;

export function TagFilterView({ tags, mode }: { tags: string[]; mode: Mode }) {
  const { range, ordinals: months, ready: rangeReady, archive, open } = useDateRange();
  // each tag's posts within the months (a suggestion's too: in OR mode it widens within them)
  const inRange = (list: number[]) => (months ? within(list, months) : list);
  const lists = useQueries({ queries: tags.map((tag) => tagOrdinalsQuery(tag)) });
  const failed = lists.find((l) => l.error) ?? (archive.error ? archive : undefined);
  const ready = lists.every((l) => l.data) && rangeReady;
  const result = ready
    ? combine(
        lists.map((l) => inRange(l.data!)),
        mode,
      )
    : undefined;
  const id = filterId(tags, mode, range);
  const firstPage = useQuery(firstScreenQuery(id, result));
  // The count, the suggestions and the list appear together, in the placeholder's place: none of them
  // pushes another down as it arrives. The suggestions are the tags the first screen's posts carry.
  const shown = result && (firstPage.data || firstPage.isError) ? result : undefined;
  const chosen = tags.map(asTag);
  const candidates = coFacets(firstPage.data ?? [], chosen, { tag: SUGGESTIONS });
  // The suggestions' own lists (for their counts) are asked for in a render of their own, after the
  // list's: eight requests started in the list's commit held its paint back 10-20 ms on a slow phone.
  const counted = useDeferredValue(candidates.map((c) => c.name).join('\n'), '');
  const countedTags = counted ? counted.split('\n') : [];
  const countedLists = useQueries({ queries: countedTags.map((tag) => tagOrdinalsQuery(tag)) });
  const listOf = (tag: string) => {
    const list = countedLists[countedTags.indexOf(tag)]?.data;
    return list && inRange(list);
  };
  // A suggestion about to be chosen: its list's first screen is fetched now, not once its view renders
  // (a navigation and a render later: 15-45 ms of a phone's, before the request would start).
  const client = useQueryClient();
  const choosing = ({ name: tag }: Facet) => {
    const candidate = listOf(tag);
    if (!shown || !candidate) return;
    const next = [...tags, tag];
    const query = firstScreenQuery(filterId(next, mode, range), combine([shown, candidate], mode));
    void client.prefetchQuery(query);
  };
  useEffect(() => {
    if (result) performance.mark('folio:filter-rendered');
  }, [result]);

  return (
    <section className="tag-filter">
      <h1>{t.filterTags}</h1>
      <ChosenFacets
        facets={chosen}
        without={(f) =>
          paths.filter(
            tags.filter((x) => x !== f.name),
            mode,
            range,
          )
        }
      />
      <div className="mode-switch" role="group" aria-label="AND / OR">
        {(['and', 'or'] as const).map((m) => (
          <Link
            key={m}
            to={paths.filter(tags, m, range)}
            aria-current={m === mode ? 'true' : undefined}
            replace
          >
            {m === 'and' ? t.matchAll : t.matchAny}
          </Link>
        ))}
      </div>
      <Dates range={range} archive={archive.data} onOpen={open} to={(r) => paths.filter(tags, mode, r)} />
      {shown && (
        <p className="filter-count" role="status">
          {t.filterResult(shown.length)}
        </p>
      )}
      {candidates.length > 0 && shown && (
        <FacetSuggestions
          facets={candidates}
          adding={(f) => paths.filter([...tags, f.name], mode, range)}
          counts={candidates.map((c) => {
            const list = listOf(c.name);
            return list && countWith(shown, list, mode);
          })}
          choosing={choosing}
        />
      )}
      {failed?.error && (
        <ErrorNotice
          error={failed.error}
          onRetry={() => {
            lists.forEach((l) => l.error && void l.refetch());
            if (archive.error) void archive.refetch();
          }}
        />
      )}
      {!shown && !failed && <Skeleton />}
      {shown && (
        <PostList
          key={id}
          source={{ kind: 'ordinals', id, ordinals: shown }}
          total={shown.length}
          first={firstPage.data}
        />
      )}
    </section>
  );
}
