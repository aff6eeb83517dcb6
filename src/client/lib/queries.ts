// Every query of the content: route data (entry pages) and hashed data files. Content is immutable
// within a deploy, so nothing goes stale; failed fetches retry twice (not a 404), then the UI offers a
// retry. Queries made of these (postings, summaries, a tag's ordinals) do not retry themselves.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { ListShard, PostSummary, PostingsRef } from '../../shared/contract.ts';
import { DIRECTORY_CHUNK } from '../../shared/paths.ts';
import { fetchData, fetchRouteData } from './entry.ts';
import { manifest } from './site.ts';

/** Fetching queries retry twice (a missing route is data, not an error: fetchRouteData). */
export const retry = (count: number) => count < 2;

export const routeDataQuery = (route: string) =>
  queryOptions({
    queryKey: ['content', 'route', route],
    queryFn: () => fetchRouteData(route),
    staleTime: Infinity,
    retry,
  });

export const dataFileQuery = <T>(file: string) =>
  queryOptions({
    queryKey: ['content', 'file', file],
    queryFn: () => fetchData<T>(file),
    staleTime: Infinity,
    retry,
  });

/** A facet's ordinals, from the postings chunks it spans. */
export const postingsQuery = (ref: PostingsRef) =>
  queryOptions({
    queryKey: ['content', 'postings', ref.chunks, ref.offset, ref.count],
    staleTime: Infinity,
    queryFn: async ({ client }: { client: QueryClient }) => {
      const chunks = await Promise.all(ref.chunks.map((c) => client.fetchQuery(dataFileQuery<number[]>(c))));
      return chunks.flat().slice(ref.offset, ref.offset + ref.count);
    },
  });

/** Summaries of the given posts, by ordinal, in the order asked: one shard fetch per page of posts. */
export async function fetchSummaries(client: QueryClient, ordinals: number[]): Promise<PostSummary[]> {
  const size = manifest.pageSize;
  const shardsNeeded = [...new Set(ordinals.map((o) => Math.floor(o / size)))];
  const shards = new Map<number, ListShard>();
  await Promise.all(
    shardsNeeded.map(async (s) => {
      const chunks = await client.fetchQuery(dataFileQuery<string[]>(manifest.directory));
      const dir = await client.fetchQuery(dataFileQuery<string[]>(chunks[Math.floor(s / DIRECTORY_CHUNK)]!));
      shards.set(s, await client.fetchQuery(dataFileQuery<ListShard>(dir[s % DIRECTORY_CHUNK]!)));
    }),
  );
  return ordinals.map((o) => shards.get(Math.floor(o / size))!.posts[o % size]!).filter(Boolean);
}
