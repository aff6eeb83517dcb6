// Where the reader is on an entry page's own HTML when the app takes it over. On a slow phone the
// reader may be far into an article (the page holds it whole) before the app arrives; the router,
// on its first render, would scroll to the top (or to the address's #fragment). The app keeps the
// reader's place instead: the last position the reader scrolled to, noted until the app has rendered.
let noted: number | undefined;
const note = () => {
  noted = window.scrollY;
};

/** Starts noting the reader's place (before the app renders). */
export function noteFirstScroll(): void {
  note();
  addEventListener('scroll', note, { passive: true });
}

/**
 * Puts the reader back where they were, once, after the app's first render (after the router's own
 * restoring). At the top, the router's choice stands: a position it restores after a reload.
 */
export function keepFirstScroll(): void {
  removeEventListener('scroll', note);
  if (noted) window.scrollTo(0, noted);
  noted = undefined;
}
