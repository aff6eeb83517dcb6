import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router-dom';
import { BASE, routeOfPathname } from '../lib/entry.ts';
import { routeDataQuery } from '../lib/queries.ts';
import { Layout } from './layout.tsx';
import { RouteError } from './route-error.tsx';
import { RouteView } from './route-view.tsx';

/** One route for every URL: its loader primes the route's data, so navigation shows a pending state. */
export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(
    [
      {
        element: <Layout />,
        children: [
          {
            path: '*',
            loader: async ({ request }) => {
              // One try before the route renders: if it fails, the view retries with its placeholder
              // shown. Offline, the try waits for the network: the view says so meanwhile.
              const route = routeOfPathname(new URL(request.url).pathname);
              const fetched = queryClient.prefetchQuery({ ...routeDataQuery(route), retry: false });
              if (onlineManager.isOnline()) await fetched;
              return null;
            },
            element: <RouteView />,
            errorElement: <RouteError />,
          },
        ],
      },
    ],
    { basename: BASE.replace(/\/$/, '') || '/' },
  );
}
