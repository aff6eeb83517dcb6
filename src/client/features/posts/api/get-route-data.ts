import { queryOptions } from '@tanstack/react-query';
import type { ListShard } from '../../../../shared/contract.ts';
import { fetchData, fetchRouteData, NotFoundError } from '../../../lib/entry.ts';

/** A route's first-screen data. Content is immutable within a deploy, so it never goes stale. */
export const routeDataQuery = (route: string) =>
  queryOptions({
    queryKey: ['content', 'route', route],
    queryFn: () => fetchRouteData(route),
    staleTime: Infinity,
    retry: (count, error) => !(error instanceof NotFoundError) && count < 2,
  });

/** One listing shard of the newest-first list. */
export const shardQuery = (file: string) =>
  queryOptions({
    queryKey: ['content', 'shard', file],
    queryFn: () => fetchData<ListShard>(file),
    staleTime: Infinity,
  });
