// Any list of posts: the home list, a tag's, an archive month's, a filter's result. Pages of
// `pageSize` posts, fetched as the reader scrolls (an observed sentinel) or presses "load more".
import { startTransition, useCallback, useEffect, useState, type ReactNode } from 'react';
import { queryOptions, useInfiniteQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { PostSummary, PostingsRef } from '../../shared/contract.ts';
import { postRoute } from '../../shared/paths.ts';
import { fetchSummaries, postingsQuery, routeDataQuery } from '../lib/queries.ts';
import { manifest, t } from '../lib/site.ts';
import { useInView } from '../lib/use-in-view.ts';
import { PostCard } from './post-card.tsx';
import { ErrorNotice, Skeleton } from './status.tsx';

export type ListSource =
  | { kind: 'range'; start: number; count: number }
  | { kind: 'postings'; ref: PostingsRef }
  | { kind: 'ordinals'; id: string; ordinals: number[] };

function sourceKey(s: ListSource): unknown[] {
  if (s.kind === 'range') return ['range', s.start, s.count];
  if (s.kind === 'postings') return ['postings', s.ref.chunks, s.ref.offset];
  return ['ordinals', s.id];
}

async function ordinalsOf(client: QueryClient, s: ListSource): Promise<number[]> {
  if (s.kind === 'range') return Array.from({ length: s.count }, (_, i) => s.start + i);
  if (s.kind === 'postings') return client.fetchQuery(postingsQuery(s.ref));
  return s.ordinals;
}

/**
 * The page the app starts on shows its list a few cards at a time, each batch its own task (the first
 * screen is already there as HTML): one commit of 20 cards was the longest task a phone ran. Lists
 * shown later render whole, so that going back finds the place it left.
 */
const BATCH = 6;
let starting = true;

function useBatches(count: number): number {
  const [shown, setShown] = useState(starting ? BATCH : Infinity);
  useEffect(() => {
    if (shown >= count) {
      starting = false;
      return;
    }
    const timer = setTimeout(() => startTransition(() => setShown((n) => n + BATCH)), 0);
    return () => clearTimeout(timer);
  }, [shown, count]);
  return shown;
}

const saveData = () =>
  typeof navigator !== 'undefined' &&
  (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

/** Posts a list without an inline first page fetches first: a phone's screenful, then whole pages. */
export const FIRST_SCREEN = BATCH;

/**
 * The cards of the first screen of a list given by its ordinals (a filter's, a search's), once they are
 * known: scattered over the archive, a shard file each. `id` names the list as its `ordinals` source.
 */
export const firstScreenQuery = (id: string, ordinals: readonly number[] | undefined) =>
  queryOptions({
    queryKey: ['content', 'first-screen', id],
    queryFn: ({ client }) => fetchSummaries(client, ordinals!.slice(0, FIRST_SCREEN)),
    enabled: !!ordinals,
    staleTime: Infinity,
  });

export function PostList({
  source,
  total,
  first,
  card,
}: {
  source: ListSource;
  total: number;
  /** The list's first posts, already known (an entry page's first page, or a first screenful). */
  first?: PostSummary[];
  /** Each post's card, when not the plain one (search results show their matching passage). */
  card?: (post: PostSummary, onIntent: (post: PostSummary) => void) => ReactNode;
}) {
  const client = useQueryClient();
  const size = manifest.pageSize;
  // Page boundaries: [0, head), then `size` at a time. A list whose posts are scattered over the
  // archive (a filter's) costs a shard per post, so its first page is only what the screen shows.
  const head = first?.length || FIRST_SCREEN;
  const query = useInfiniteQuery({
    queryKey: ['content', 'list', ...sourceKey(source), head, size],
    queryFn: async ({ pageParam, client: c }) => {
      const all = await ordinalsOf(c, source);
      return fetchSummaries(c, all.slice(pageParam, pageParam === 0 ? head : pageParam + size));
    },
    initialPageParam: 0,
    getNextPageParam: (_last, _pages, start) => {
      const next = start === 0 ? head : start + size;
      return next < total ? next : undefined;
    },
    initialData: first ? { pages: [first], pageParams: [0] } : undefined,
    staleTime: Infinity,
  });
  const { data, error, fetchNextPage, hasNextPage, isFetchingNextPage, refetch } = query;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !error) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, error, fetchNextPage]);
  const posts = data?.pages.flat() ?? [];
  const shown = useBatches(posts.length);
  // the next page is the scroll's to ask for once this one is all on screen
  const sentinel = useInView<HTMLDivElement>(more, undefined, shown >= posts.length);
  const prefetch = useCallback(
    (post: PostSummary) => {
      if (!saveData()) void client.prefetchQuery(routeDataQuery(postRoute(post)));
    },
    [client],
  );
  if (total === 0) return <p>{t.noPosts}</p>;
  return (
    <section className="post-list" aria-label={t.postsCount(total)}>
      <ol>
        {posts.slice(0, shown).map((p) => (
          <li key={p.ordinal}>{card ? card(p, prefetch) : <PostCard post={p} onIntent={prefetch} />}</li>
        ))}
      </ol>
      {!data && !error && <Skeleton />}
      {isFetchingNextPage && <Skeleton rows={2} />}
      {error && (
        <ErrorNotice error={error} onRetry={() => void (hasNextPage ? fetchNextPage() : refetch())} />
      )}
      <div ref={sentinel} className="list-footer">
        <span className="list-count">
          {posts.length} / {total}
        </span>
        {hasNextPage ? (
          <button type="button" onClick={more} disabled={isFetchingNextPage}>
            {t.loadMore}
          </button>
        ) : (
          <span>{t.allLoaded}</span>
        )}
      </div>
    </section>
  );
}
