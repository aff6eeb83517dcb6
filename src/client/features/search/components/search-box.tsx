// The header's search box, on every page: results as you type (the search page follows the box,
// debounced, with the query in its URL), `/` to focus it where there is a keyboard. Text still being
// composed with an input method (pinyin before a character is chosen) is not searched for. Without
// JavaScript it is a plain form that asks the search page for `?q=`.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { MAX_QUERY } from '../../../../shared/search-limits.ts';
import { routes } from '../../../../shared/paths.ts';
import { paths } from '../../../lib/paths.ts';
import { BASE, routeOfPathname } from '../../../lib/entry.ts';
import { t } from '../../../lib/site.ts';
import { parseFacets } from '../../../lib/tag-sets.ts';
import { parseRange } from '../../../lib/date-range.ts';
import { loadSearchView } from '../search-page.tsx';

const DEBOUNCE_MS = 250;
const PREFETCH_MS = 80;

/** Whether the reader has a keyboard to press `/` on (a fine pointer that hovers: not a phone). */
const hasKeys = () =>
  typeof matchMedia === 'function' && matchMedia('(hover: hover) and (pointer: fine)').matches;

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function SearchBox() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = routeOfPathname(pathname) === routes.search();
  const urlQuery = onSearchPage ? (params.get('q') ?? '') : '';
  const [value, setValue] = useState(urlQuery);
  // Text an input method is composing (pinyin, kana) is not the query yet: nothing is searched, fetched
  // or navigated to until it is chosen (compositionend).
  const [composing, setComposing] = useState(false);
  // The query the URL was last given from here: a different one came from elsewhere (back, a link).
  const sent = useRef(urlQuery);
  const input = useRef<HTMLInputElement>(null);
  // the `/` hint only where there is a keyboard (the page's HTML has the plain one; a placeholder's
  // text moves nothing when the app takes over)
  const [keys] = useState(hasKeys);

  useEffect(() => {
    if (urlQuery !== sent.current) setValue((sent.current = urlQuery));
  }, [urlQuery]);

  const go = (q: string) => {
    sent.current = q;
    performance.mark('folio:search-query', { detail: q });
    const keep = onSearchPage ? parseFacets(params) : [];
    const sort = onSearchPage && params.get('sort') === 'date' ? 'date' : 'relevance';
    const range = onSearchPage ? parseRange(params) : {};
    // typing on the search page replaces its entry in the history; from elsewhere it opens it
    void navigate(paths.search(q, keep, sort, range), { replace: onSearchPage });
  };

  useEffect(() => {
    if (composing || value === sent.current || (!onSearchPage && value.trim() === '')) return;
    const timer = setTimeout(() => go(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  });

  // While the box waits for the typing to pause, what the query needs is fetched: the search page's
  // code, the query's buckets and its first cards (the debounce's quarter second is not lost).
  const client = useQueryClient();
  useEffect(() => {
    if (composing || value === sent.current) return;
    void loadSearchView();
    const sort = onSearchPage && params.get('sort') === 'date' ? 'date' : 'relevance';
    // Not every keystroke of a fast typist (or of a pasted query): a word a moment still.
    const timer = setTimeout(() => {
      // (its own chunk, as the page's: the home page's code stays as small as it was)
      import('../api/get-search.ts').then((api) => api.prefetchSearch(client, value, sort)).catch(() => {}); // the page itself reports failures
    }, PREFETCH_MS);
    return () => clearTimeout(timer);
  }, [value, composing, client, onSearchPage, params]);

  // Listening from the commit that shows the box (a layout effect), not from the effects React runs
  // after the paint: a `/` pressed as soon as the header appears focuses it.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <form
      role="search"
      className="site-search"
      action={`${BASE}${routes.search()}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!composing) go(value);
      }}
    >
      <label className="visually-hidden" htmlFor="site-search">
        {t.search}
      </label>
      <input
        id="site-search"
        ref={input}
        type="search"
        name="q"
        value={value}
        maxLength={MAX_QUERY}
        placeholder={keys ? t.searchPlaceholderKeys : t.searchPlaceholder}
        autoComplete="off"
        enterKeyHint="search"
        onChange={(e) => {
          setValue(e.target.value);
          // (a composition's end may come before its last change: Safari's order differs)
          if (!(e.nativeEvent as InputEvent).isComposing) setComposing(false);
        }}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={(e) => {
          setComposing(false);
          setValue(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          // Esc leaves the box, not the query (a search field would empty itself)
          if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
          e.preventDefault();
          e.currentTarget.blur();
        }}
      />
    </form>
  );
}
