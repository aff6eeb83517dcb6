import { queryOptions } from '@tanstack/react-query';
import type { FacetKind } from '../../shared/contract.ts';
import { routes } from '../../shared/paths.ts';
import { NotFoundError } from './entry.ts';
import { postingsQuery, routeDataQuery } from './queries.ts';

/**
 * A tag's, category's or author's posts (ordinals): from its entry page's postings reference; an
 * unknown one has none.
 */
export const facetOrdinalsQuery = (kind: FacetKind, name: string) =>
  queryOptions({
    queryKey: ['content', 'facet-ordinals', kind, name],
    staleTime: Infinity,
    queryFn: async ({ client }) => {
      try {
        const data = await client.fetchQuery(routeDataQuery(routes.facet(kind, name)));
        return data.kind === 'facet' ? client.fetchQuery(postingsQuery(data.postings)) : [];
      } catch (e) {
        if (e instanceof NotFoundError) return [];
        throw e;
      }
    },
  });

export const tagOrdinalsQuery = (name: string) => facetOrdinalsQuery('tag', name);
