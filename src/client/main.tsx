import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { createRouter } from './app/router.tsx';
import { keepStartArticle, routeOfPathname, startData } from './lib/entry.ts';
import { noteFirstScroll } from './lib/first-scroll.ts';
import { viewReady } from './app/route-view.tsx';
import { routeDataQuery } from './lib/queries.ts';
import { reloadOnce } from './lib/reload-once.ts';
import { ErrorNotice } from './components/status.tsx';
import { initialEntry, t } from './lib/site.ts';
import './styles.css';

// A code chunk gone after a redeploy: reload once rather than fail (Vite fires this for lazy imports).
addEventListener('vite:preloadError', (event) => {
  if (reloadOnce()) event.preventDefault();
});

// Only the queries that fetch (lib/queries.ts) retry; those made of them do not, or a failure would be
// retried at every level (3 × 3 tries).
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, gcTime: 30 * 60_000, retry: false } },
});
// The page's own data; or, where the host answered with 404.html or a fallback, that the route is
// missing: the page is what fetching the route would give, so it is not fetched again.
const startRoute = routeOfPathname(location.pathname);
let data: ReturnType<typeof startData> | undefined;
if (initialEntry) {
  data = startData(initialEntry, startRoute);
  queryClient.setQueryData(routeDataQuery(startRoute).queryKey, data);
  keepStartArticle(data, document);
}

const root = document.getElementById('root')!;
// A transition: React renders the first screen in slices, yielding to the browser between them,
// rather than in one long task.
const start = () => {
  noteFirstScroll();
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={createRouter(queryClient)} />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
};
// Every entry page (404.html too) ends with its data: one that came without it was cut short on its
// way. Its first screen stays as far as it came, above an error whose retry loads the page again.
const cutShort = () => {
  const notice = document.createElement('div');
  notice.className = 'page-cut-short';
  root.after(notice);
  createRoot(notice).render(
    <ErrorNotice error={new Error(t.pageCutShort)} onRetry={() => location.reload()} />,
  );
};
// The first screen the entry page carries as HTML is painted before the app replaces it.
if (!initialEntry) cutShort();
// (once the view it needs is here: the first render then shows the page whole, not a placeholder)
else if (root.firstChild) requestAnimationFrame(() => setTimeout(() => void viewReady(data).then(start), 0));
else start();
