import { queryOptions } from '@tanstack/react-query';
import type { PostData } from '../../../../shared/contract.ts';
import { facetRefQuery } from '../../../lib/facet-ordinals.ts';
import { fetchSummaries, postingsQuery } from '../../../lib/queries.ts';
import { manifest } from '../../../lib/site.ts';

/** The next newer and next older post. */
export const neighboursQuery = (ordinal: number) =>
  queryOptions({
    queryKey: ['content', 'neighbours', ordinal],
    staleTime: Infinity,
    queryFn: async ({ client }) => {
      const wanted = [ordinal - 1, ordinal + 1].filter((o) => o >= 0 && o < manifest.posts);
      const found = await fetchSummaries(client, wanted);
      return {
        newer: found.find((p) => p.ordinal === ordinal - 1),
        older: found.find((p) => p.ordinal === ordinal + 1),
      };
    },
  });

/** Tags with more posts than this say little about what a post is about; they are left out. */
const COMMON_TAG = 5000;

/** Five posts sharing the most tags with this one (then the nearest in time), its copies left out. */
export const relatedQuery = (post: PostData) =>
  queryOptions({
    queryKey: ['content', 'related', post.ordinal, post.tags, post.duplicates],
    staleTime: Infinity,
    queryFn: async ({ client }) => {
      // where each tag's posts are: looked up when the related posts are wanted, not carried by every
      // article's page (their names grow with the archive)
      const all = (
        await Promise.all(post.tags.map((tag) => client.fetchQuery(facetRefQuery('tag', tag))))
      ).filter((r) => r !== null);
      const refs = all.filter((r) => r.count <= COMMON_TAG);
      const usable = refs.length > 0 ? refs : all.sort((a, b) => a.count - b.count).slice(0, 1);
      const lists = await Promise.all(usable.map((r) => client.fetchQuery(postingsQuery(r))));
      // never the post itself, nor its copies (the same title and text)
      const skip = new Set([post.ordinal, ...(post.duplicates ?? [])]);
      const score = new Map<number, number>();
      for (const list of lists) for (const o of list) if (!skip.has(o)) score.set(o, (score.get(o) ?? 0) + 1);
      const best = [...score]
        .sort((a, b) => b[1] - a[1] || Math.abs(a[0] - post.ordinal) - Math.abs(b[0] - post.ordinal))
        .slice(0, 5)
        .map(([o]) => o);
      return fetchSummaries(client, best);
    },
  });
