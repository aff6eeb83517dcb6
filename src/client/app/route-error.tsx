// What a route shows when rendering it failed (a code chunk that cannot be loaded even after the
// one reload, say): the error and a way to try again, inside the normal layout.
import { useRouteError } from 'react-router-dom';
import { ErrorNotice } from '../components/status.tsx';

export function RouteError() {
  const error = useRouteError();
  return (
    <ErrorNotice
      error={error instanceof Error ? error : new Error(String(error))}
      onRetry={() => location.reload()}
    />
  );
}
