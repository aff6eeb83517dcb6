// The search index's queries: each bucket file once (hashed, so never stale), and a query's hits,
// made of the buckets its terms lie in.
import { queryOptions } from '@tanstack/react-query';
import { parseQuery } from '../../../../shared/search-terms.ts';
import { searchFile } from '../../../../shared/paths.ts';
import { fetchBytes } from '../../../lib/entry.ts';
import { retry } from '../../../lib/queries.ts';
import { manifest } from '../../../lib/site.ts';
import { bucketsOf, evaluate, parseBucket, type Bucket } from '../lib/search-index.ts';

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
