import { queryOptions } from '@tanstack/react-query';
import { routes } from '../../shared/paths.ts';
import { NotFoundError } from './entry.ts';
import { postingsQuery, routeDataQuery } from './queries.ts';

/** A tag's posts (ordinals): from its entry page's postings reference; an unknown tag has none. */
export const tagOrdinalsQuery = (name: string) =>
  queryOptions({
    queryKey: ['content', 'tag-ordinals', name],
    staleTime: Infinity,
    queryFn: async ({ client }) => {
      try {
        const data = await client.fetchQuery(routeDataQuery(routes.facet('tag', name)));
        return data.kind === 'facet' ? client.fetchQuery(postingsQuery(data.postings)) : [];
      } catch (e) {
        if (e instanceof NotFoundError) return [];
        throw e;
      }
    },
  });
