// Renders a component with the app's real providers: a fresh QueryClient (no retries) and a router.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';

export function renderWithProviders(
  ui: ReactNode,
  { url = '/', client = new QueryClient({ defaultOptions: { queries: { retry: false } } }) } = {},
) {
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [url] });
  return {
    client,
    router,
    ...render(
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  };
}
