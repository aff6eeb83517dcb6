// A tab opened before a redeploy asks for hashed files that are gone: reload once to get the new
// entry page (and its new file names). Never twice in a row, so a truly missing file cannot loop.
const KEY = 'folio-reloaded-at';
const WINDOW_MS = 30_000;

export function reloadOnce(): boolean {
  try {
    const last = Number(sessionStorage.getItem(KEY) ?? 0);
    if (Date.now() - last < WINDOW_MS) return false;
    sessionStorage.setItem(KEY, String(Date.now()));
  } catch {
    return false;
  }
  location.reload();
  return true;
}
