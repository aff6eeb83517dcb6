import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { t } from '../lib/site.ts';

const isOnline = () => onlineManager.isOnline();
const onOnlineChange = (listener: () => void) => onlineManager.subscribe(listener);

/**
 * Placeholder cards of the same height as real ones, so nothing jumps when data arrives. Offline, what
 * it waits for is paused until the network is back (then it goes on by itself): it says so.
 */
export function Skeleton({ rows = 3 }: { rows?: number }) {
  const online = useSyncExternalStore(onOnlineChange, isOnline, () => true);
  return (
    <div className="skeleton" role="status" aria-busy="true" aria-label={online ? t.loading : t.offline}>
      {!online && <p className="offline-notice">{t.offline}</p>}
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
