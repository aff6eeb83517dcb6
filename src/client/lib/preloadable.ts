// A module fetched ahead (a search box fetches the search page's code while the reader types), then
// rendered without suspending: React's `use()` reads a settled promise at once, where React.lazy would
// suspend once even with the module here, and a new Suspense boundary that shows its fallback holds its
// content back for 300 ms (React 19's reveal throttle: most of a search's time on screen, measured).

type Tracked<T> = Promise<T> & { status?: 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

export function preloadable<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Tracked<T> | undefined;
  return () => {
    if (!promise) {
      const p: Tracked<T> = load();
      p.then(
        (value) => {
          p.status = 'fulfilled';
          p.value = value;
        },
        (reason: unknown) => {
          p.status = 'rejected';
          p.reason = reason;
        },
      );
      promise = p;
    }
    return promise;
  };
}
