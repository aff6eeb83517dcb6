// `/?tags=A,B&mode=and|or&from=2020-01&to=2023-12`: chips for the chosen tags, a box to add one by
// name, an AND/OR switch, the months, the number of matching posts, and tags to narrow (or widen) by,
// each with the number of posts it would leave (or add), counted over every post the filter matches.
import { useDeferredValue, useEffect } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { paths } from '../../../lib/paths.ts';
import { firstScreenQuery, PostList } from '../../../components/post-list.tsx';
import { ErrorNotice, Skeleton } from '../../../components/status.tsx';
import { ChosenFacets, FacetSuggestions } from '../../../components/tag-chips.tsx';
import { t } from '../../../lib/site.ts';
import { coTagsQuery, tagOrdinalsQuery } from '../../../lib/facet-ordinals.ts';
import {
  candidateTags,
  combine,
  rankSuggestions,
  type Facet,
  type Mode,
  type Suggestion,
} from '../../../lib/tag-sets.ts';
import { setCurrentFilter } from '../../../lib/current-filter.ts';
import { AddTagByName } from './add-tag-by-name.tsx';
import { within, type DateRange } from '../../../lib/date-range.ts';
import { Dates, useDateRange } from '../../../components/date-range.tsx';

/** Suggestions shown, and tags counted to choose them (their lists fetched: see below). */
const SUGGESTIONS = 8;
const CANDIDATES = 12;

const asTag = (name: string): Facet => ({ kind: 'tag', name });

const filterId = (tags: string[], mode: Mode, range: DateRange) =>
  `${mode}:${tags.join(',')}:${range.from ?? ''}-${range.to ?? ''}`;

export function TagFilterView({ tags, mode }: { tags: string[]; mode: Mode }) {
  const { range, ordinals: months, ready: rangeReady, archive, open } = useDateRange();
  // each tag's posts within the months (a suggestion's too: in OR mode it widens within them)
  const inRange = (list: number[]) => (months ? within(list, months) : list);
  const lists = useQueries({ queries: tags.map((tag) => tagOrdinalsQuery(tag)) });
  // the tags found most often with each chosen one (a file beside its postings' reference)
  const together = useQueries({ queries: tags.map((tag) => coTagsQuery(tag)) });
  const failed =
    lists.find((l) => l.error) ?? together.find((l) => l.error) ?? (archive.error ? archive : undefined);
  const ready = lists.every((l) => l.data) && together.every((l) => l.data) && rangeReady;
  const result = ready
    ? combine(
        lists.map((l) => inRange(l.data!)),
        mode,
      )
    : undefined;
  const id = filterId(tags, mode, range);
  const firstPage = useQuery(firstScreenQuery(id, result));
  // The count, the suggestions' row and the list appear together, in the placeholder's place: none of
  // them pushes another down as it arrives.
  const shown = result && (firstPage.data || firstPage.isError) ? result : undefined;
  const candidates = ready
    ? candidateTags(
        tags,
        together.map((l) => l.data!),
        mode,
        CANDIDATES,
      )
    : [];
  // One tag over all months: its counts with each tag are the posts each leaves, known with the list.
  // Otherwise the candidates' own lists are counted against the result. Those lists (with one tag, the
  // shown suggestions', so that choosing one needs no more) are asked for in a render of their own,
  // after the list's: a dozen requests started in the list's commit held its paint back on a slow phone.
  const exact = tags.length === 1 && mode === 'and' && !months;
  const exactSuggestions =
    shown &&
    candidates
      .map((c) => ({ name: c.name, count: c.score }))
      .filter((c) => c.count < shown.length)
      .slice(0, SUGGESTIONS);
  const wanted = shown ? (exact ? exactSuggestions! : candidates).map((c) => c.name).join('\n') : '';
  const counted = useDeferredValue(wanted, '');
  const countedTags = counted ? counted.split('\n') : [];
  const countedLists = useQueries({ queries: countedTags.map((tag) => tagOrdinalsQuery(tag)) });
  let suggestions: Suggestion[] | undefined;
  if (exact) suggestions = exactSuggestions;
  else if (shown && counted === wanted && countedLists.every((l) => l.data))
    suggestions = rankSuggestions(
      shown,
      countedTags.map((name, i) => ({ name, ordinals: inRange(countedLists[i]!.data!) })),
      mode,
      SUGGESTIONS,
    );
  // A suggestion about to be chosen: its list's first screen is fetched now, not once its view renders
  // (a navigation and a render later: 15-45 ms of a phone's, before the request would start).
  const client = useQueryClient();
  const choosing = (tag: string) => {
    if (!shown) return;
    void client.fetchQuery(tagOrdinalsQuery(tag)).then((list) => {
      const next = filterId([...tags, tag], mode, range);
      return client.prefetchQuery(firstScreenQuery(next, combine([shown, inRange(list)], mode)));
    });
  };
  useEffect(() => {
    if (result) performance.mark('folio:filter-rendered');
  }, [result]);
  // this is the filter a `+` elsewhere adds to (current-filter.ts)
  useEffect(() => setCurrentFilter({ tags, mode, range }), [id]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="tag-filter">
      <h1>{t.filterTags}</h1>
      <ChosenFacets
        // the last one taken off ends the filter (a `+` elsewhere then starts a new one)
        onRemove={() => tags.length === 1 && setCurrentFilter(null)}
        facets={tags.map(asTag)}
        without={(f) =>
          paths.filter(
            tags.filter((x) => x !== f.name),
            mode,
            range,
          )
        }
      />
      <AddTagByName chosen={tags} to={(name) => paths.filter([...tags, name], mode, range)} />
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
      {shown && (
        // one row of its own height whether counted yet or not: the list below never moves
        <FacetSuggestions
          className="suggestions suggestions-row"
          busy={!suggestions}
          heading={mode === 'and' ? t.narrowBy : t.widenBy}
          facets={(suggestions ?? []).map((c) => asTag(c.name))}
          adding={(f) => paths.filter([...tags, f.name], mode, range)}
          counts={(suggestions ?? []).map((c) => (mode === 'and' ? c.count : `+${c.count}`))}
          labels={(suggestions ?? []).map((c) =>
            mode === 'and' ? t.narrowCount(c.name, c.count) : t.widenCount(c.name, c.count),
          )}
          choosing={(f) => choosing(f.name)}
          empty={suggestions && (mode === 'and' ? t.noNarrowing : t.noWidening)}
        />
      )}
      {failed?.error && (
        <ErrorNotice
          error={failed.error}
          onRetry={() => {
            lists.forEach((l) => l.error && void l.refetch());
            together.forEach((l) => l.error && void l.refetch());
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
