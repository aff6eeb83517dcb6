// The search index's queries: each bucket file once (hashed, so never stale), and a query's hits,
// made of the buckets its terms lie in.
import type { DateRange } from '../../../lib/date-range.ts';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { parseQuery } from '../../../../shared/search-terms.ts';
import { searchFile } from '../../../../shared/paths.ts';
import { fetchBytes } from '../../../lib/entry.ts';
import { retry } from '../../../lib/queries.ts';
import { manifest } from '../../../lib/site.ts';
import type { Facet } from '../../../lib/tag-sets.ts';
import { firstScreenQuery } from '../../../components/post-list.tsx';
import { bucketsOf, evaluate, parseBucket, ranked, type Bucket } from '../lib/search-index.ts';

export const searchBucketQuery = (k: number) =>
  queryOptions({
    queryKey: ['content', 'search-bucket', manifest.search.id, k],
    queryFn: async (): Promise<Bucket> => parseBucket(await fetchBytes(searchFile(manifest.search.id, k))),
    staleTime: Infinity,
    retry,
  });

/** The posts a query finds (`all`) and those whose title holds it (`title`), as ordinals. */
export const searchHitsQuery = (q: string) =>
  queryOptions({
    queryKey: ['content', 'search', manifest.search.id, q],
    staleTime: Infinity,
    queryFn: async ({ client }) => {
      const query = parseQuery(q);
      const count = manifest.search.buckets;
      const ks = bucketsOf(query, count);
      const buckets = await Promise.all(ks.map((k) => client.fetchQuery(searchBucketQuery(k))));
      return evaluate(query, new Map(ks.map((k, i) => [k, buckets[i]!])), count);
    },
  });

/** A search's identity: query, what narrows it and order. */
export const searchId = (
  q: string,
  facets: readonly Facet[],
  sort: 'relevance' | 'date',
  range: DateRange = {},
) =>
  `${q}\n${facets.map((f) => `${f.kind}:${f.name}`).join(',')}\n${sort}\n${range.from ?? ''}-${range.to ?? ''}`;

/**
 * A query being typed, fetched ahead while the box waits for the typing to pause: its buckets, and the
 * cards of its first screen (narrowed by no tags), so that the results page has them when it opens.
 */
export async function prefetchSearch(client: QueryClient, q: string, sort: 'relevance' | 'date') {
  if (parseQuery(q).terms.length === 0) return;
  const hits = await client.fetchQuery(searchHitsQuery(q));
  await client.prefetchQuery(firstScreenQuery(searchId(q, [], sort), ranked(hits, sort)));
}
