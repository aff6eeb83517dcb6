import { queryOptions } from '@tanstack/react-query';
import type { FacetKind, FacetRefsShard } from '../../shared/contract.ts';
import { facetKey, facetShard, refIn } from '../../shared/facets.ts';
import { facetRefsFile } from '../../shared/paths.ts';
import { dataFileQuery, postingsQuery } from './queries.ts';
import { manifest } from './site.ts';

/**
 * A tag's, category's or author's posts (ordinals): from its reference in the facet references'
 * shard (one small file, not its entry page); an unknown one has none.
 */
export const facetOrdinalsQuery = (kind: FacetKind, name: string) =>
  queryOptions({
    queryKey: ['content', 'facet-ordinals', kind, name],
    staleTime: Infinity,
    queryFn: async ({ client }) => {
      const { id, shards } = manifest.facetRefs;
      const key = facetKey(name);
      const shard = await client.fetchQuery(
        dataFileQuery<FacetRefsShard>(facetRefsFile(id, facetShard(kind, key, shards))),
      );
      const ref = refIn(shard, kind, key);
      return ref ? client.fetchQuery(postingsQuery(ref)) : [];
    },
  });

export const tagOrdinalsQuery = (name: string) => facetOrdinalsQuery('tag', name);
