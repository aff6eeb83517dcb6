import { t } from '../lib/site.ts';

/** Placeholder cards of the same height as real ones, so nothing jumps when data arrives. */
export function Skeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div className="skeleton" role="status" aria-busy="true" aria-label={t.loading}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-card" />
      ))}
    </div>
  );
}

export function ErrorNotice({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return (
    <div role="alert" className="error-notice">
      <p>
        {offline ? t.offline : t.loadFailed} <span className="error-detail">({error.message})</span>
      </p>
      <button type="button" onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}
