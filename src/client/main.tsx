import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Link, Outlet, RouterProvider } from 'react-router-dom';
import { BASE, readInitialEntry, routeOfPathname } from './lib/entry.ts';
import { routeDataQuery } from './features/posts/api/get-route-data.ts';
import { RouteView } from './app/route-view.tsx';
import './styles.css';

const queryClient = new QueryClient();
const entry = readInitialEntry();
const startRoute = routeOfPathname(location.pathname);
if (entry?.path === startRoute) queryClient.setQueryData(routeDataQuery(startRoute).queryKey, entry.route);

function Layout() {
  return (
    <>
      <header>
        <Link to="/">{entry?.manifest.site.title ?? 'Folio'}</Link>
      </header>
      <main>
        <Outlet />
      </main>
    </>
  );
}

const router = createBrowserRouter(
  [{ element: <Layout />, children: [{ path: '*', element: <RouteView /> }] }],
  {
    basename: BASE.replace(/\/$/, '') || '/',
  },
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
