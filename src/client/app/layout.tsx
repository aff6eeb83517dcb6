import { useLayoutEffect, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router-dom';
import { manifest, t } from '../lib/site.ts';
import { paths } from '../lib/paths.ts';
import { SearchBox } from '../features/search/components/search-box.tsx';
import { ThemeToggle } from './theme-toggle.tsx';
import { keepFirstScroll } from '../lib/first-scroll.ts';
import { FilterTray } from '../components/filter-tray.tsx';
import { FeedLink } from '../components/feed-link.tsx';

/** After the router's scroll restoring on the first render: the reader's own place (first-scroll.ts). */
function KeepFirstScroll() {
  useLayoutEffect(keepFirstScroll, []);
  return null;
}

/** The first view's lazy layout of cards (public/boot.js) ends with the first move to another page. */
function useEndOfFirstView() {
  const { key } = useLocation();
  const first = useRef(key);
  useLayoutEffect(() => {
    if (key !== first.current) document.documentElement.removeAttribute('data-first-view');
  }, [key]);
}

export function Layout() {
  const navigation = useNavigation();
  useEndOfFirstView();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      {navigation.state !== 'idle' && (
        <div className="pending-bar" role="progressbar" aria-label={t.pending} />
      )}
      <header className="site-header">
        <Link to={paths.home()} className="site-title">
          {manifest.site.title}
        </Link>
        <nav aria-label={manifest.site.title}>
          <ul>
            <li>
              <NavLink to={paths.home()} end>
                {t.home}
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.tags()}>{t.tags}</NavLink>
            </li>
            <li>
              <NavLink to={paths.archive()}>{t.archive}</NavLink>
            </li>
            {manifest.pages.map((p) => (
              <li key={p.slug}>
                <NavLink to={paths.page(p.slug)}>{p.title}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <SearchBox />
        <ThemeToggle />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          {manifest.site.description}
          {manifest.site.siteUrl && (
            // (the feeds are written when the site has its address: write-site.ts)
            <>
              {manifest.site.description && ' · '}
              <FeedLink route="" label={t.feed} />
            </>
          )}
        </p>
      </footer>
      <FilterTray />
      <ScrollRestoration getKey={(location) => location.pathname + location.search} />
      <KeepFirstScroll />
    </>
  );
}
