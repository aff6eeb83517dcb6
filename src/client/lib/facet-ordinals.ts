import { queryOptions } from '@tanstack/react-query';
import type { CoTag, CoTagsShard, FacetKind, FacetRefsShard, PostingsRef } from '../../shared/contract.ts';
import { coTagsIn, facetKey, facetShard, refIn } from '../../shared/facets.ts';
import { coTagsFile, facetRefsFile } from '../../shared/paths.ts';
import { dataFileQuery, postingsQuery } from './queries.ts';
import { manifest } from './site.ts';

/**
 * Where a tag's, category's or author's posts are: its reference in the facet references' shard (one
 * small file, not its entry page); null for an unknown one.
 */
export const facetRefQuery = (kind: FacetKind, name: string) =>
  queryOptions({
    queryKey: ['content', 'facet-ref', kind, name],
    staleTime: Infinity,
    queryFn: async ({ client }): Promise<PostingsRef | null> => {
      const { id, shards } = manifest.facetRefs;
      const key = facetKey(name);
      const shard = await client.fetchQuery(
        dataFileQuery<FacetRefsShard>(facetRefsFile(id, facetShard(kind, key, shards))),
      );
      return refIn(shard, kind, key) ?? null;
    },
  });

/** A tag's, category's or author's posts (ordinals); an unknown one has none. */
export const facetOrdinalsQuery = (kind: FacetKind, name: string) =>
  queryOptions({
    queryKey: ['content', 'facet-ordinals', kind, name],
    staleTime: Infinity,
    queryFn: async ({ client }) => {
      const ref = await client.fetchQuery(facetRefQuery(kind, name));
      return ref ? client.fetchQuery(postingsQuery(ref)) : [];
    },
  });

export const tagOrdinalsQuery = (name: string) => facetOrdinalsQuery('tag', name);

/** The tags found most often with a tag, counted over all its posts (CoTagsShard); none for an unknown one. */
export const coTagsQuery = (name: string) =>
  queryOptions({
    queryKey: ['content', 'co-tags', name],
    staleTime: Infinity,
    queryFn: async ({ client }): Promise<CoTag[]> => {
      const { id, shards } = manifest.facetRefs;
      const key = facetKey(name);
      const shard = await client.fetchQuery(
        dataFileQuery<CoTagsShard>(coTagsFile(id, facetShard('tag', key, shards))),
      );
      return coTagsIn(shard, key);
    },
  });
