import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router-dom';
import { manifest, t } from '../lib/site.ts';
import { paths } from '../lib/paths.ts';
import { SearchBox } from '../features/search/components/search-box.tsx';
import { ThemeToggle } from './theme-toggle.tsx';
import { keepFirstScroll } from '../lib/first-scroll.ts';
import { FilterTray } from '../components/filter-tray.tsx';
import { FeedLink } from '../components/feed-link.tsx';
import { SiteLink } from '../components/site-link.tsx';
import { siteAddress } from '../../shared/paths.ts';
import { BASE } from '../lib/entry.ts';

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

/** The footer's line: its text (else the description), its links, the feed; as the page's HTML has it. */
function footerParts(): ReactNode[] {
  const { footer, description, footerLinks = [], siteUrl } = manifest.site;
  return [
    ...(footer || description ? [footer || description] : []),
    ...footerLinks.map((link, i) => <SiteLink key={`l${i}`} link={link} />),
    // (the feeds are written when the site has its address: write-site.ts)
    ...(siteUrl ? [<FeedLink key="feed" route="" label={t.feed} />] : []),
  ];
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
          {manifest.site.logo && (
            <img
              className="site-logo"
              src={siteAddress(manifest.site.logo, BASE)}
              alt=""
              width={28}
              height={28}
            />
          )}
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
            {manifest.site.menu?.map((link, i) => (
              <li key={i}>
                <SiteLink link={link} />
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
        <p>{footerParts().map((part, i) => (i === 0 ? part : [' · ', part]))}</p>
      </footer>
      <FilterTray />
      <ScrollRestoration getKey={(location) => location.pathname + location.search} />
      <KeepFirstScroll />
    </>
  );
}
