// Route data → the first screen as plain HTML, inside the app's root: a list page's header and cards,
// or an article whole (article.ts), in the markup and classes the app renders. A reader on a slow
// phone sees the page before the app's JavaScript has arrived (Lighthouse's largest paint on the home
// page went from the app's first card to this one); readers without JavaScript and crawlers see it
// too. The app replaces it when it starts: new nodes, so no layout shift is counted; an article's
// text it keeps (the same nodes: its images do not load again).
import type {
  ArchivePeriod,
  CoTag,
  ArchiveYear,
  EntryData,
  FacetKind,
  Manifest,
  PostData,
  PostSummary,
  RouteData,
  SiteLink,
} from '../../shared/contract.ts';
import { archiveMonths, authorLabel, formatDay, TOC_OPEN_MAX } from '../../shared/format.ts';
import { feedFile, postRoute, routes, routeUrl, siteAddress } from '../../shared/paths.ts';
import { MAX_QUERY } from '../../shared/search-limits.ts';
import { escapeHtml } from '../escape-html.ts';
import { articleHtml } from './article.ts';
import { pageHtml } from './html.ts';
import { cloudSize } from '../../shared/facets.ts';
import { archiveTitle, messagesFor } from '../../shared/messages/titles.ts';

export { escapeHtml } from '../escape-html.ts';

const FACET_LABEL = { tag: 'tags', category: 'category', author: 'author' } as const;

let last: { manifest: Manifest; base: string; render: (route: RouteData) => string } | undefined;

/** The inner HTML of the app's root for an entry page; empty for pages the app must work out. */
export function firstScreen(entry: EntryData, base: string): string {
  if (last?.manifest !== entry.manifest || last.base !== base)
    last = { manifest: entry.manifest, base, render: renderer(entry.manifest, base) };
  return last.render(entry.route);
}

/** A renderer for one build: the header, footer and each tag's link made once, not per page. */
function renderer(manifest: Manifest, base: string): (route: RouteData) => string {
  const { site, pages } = manifest;
  const t = messagesFor(site.lang);
  const href = (route: string) => escapeHtml(routeUrl(base, route));
  const link = (route: string, text: string, attrs = '') =>
    `<a href="${href(route)}"${attrs}>${escapeHtml(text)}</a>`;
  const facetItems = new Map<string, string>();
  const facetItem = (kind: FacetKind, name: string) => {
    const key = `${kind}:${name}`;
    let item = facetItems.get(key);
    if (item === undefined) facetItems.set(key, (item = `<li>${link(routes.facet(kind, name), name)}</li>`));
    return item;
  };
  const day = (iso: string) =>
    `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatDay(iso, site.lang, site.timeZone))}</time>`;
  const tagList = (tags: string[], categories: string[] = []) =>
    tags.length + categories.length === 0
      ? ''
      : `<ul class="tag-list" aria-label="${escapeHtml(t.tags)}">${[
          ...categories.map((c) => facetItem('category', c)),
          ...tags.map((tag) => facetItem('tag', tag)),
        ].join('')}</ul>`;
  // A tag's tags found with it, as the app shows them (without script each leads to its own page; the
  // app's adds it to a filter with this one): the list below does not move when the app takes over.
  const together = (tags: CoTag[] = []) =>
    tags.length === 0
      ? ''
      : `<nav aria-label="${escapeHtml(t.coTags)}" class="co-tags"><span>${escapeHtml(t.coTags)}</span><ul class="chips">${tags
          .map(([name]) => `<li class="chip">${link(routes.facet('tag', name), `+ ${name}`)}</li>`)
          .join('')}</ul></nav>`;
  // a post's card is the same on every list that shows it: made once (a post is on ~5 lists)
  const cards = new WeakMap<PostSummary, string>();
  const card = (p: PostSummary) => {
    let html = cards.get(p);
    if (html === undefined) cards.set(p, (html = makeCard(p)));
    return html;
  };
  const makeCard = (p: PostSummary) =>
    `<li><article class="post-card"><div class="post-card-text"><h2 class="post-card-title">${link(
      postRoute(p),
      p.title,
    )}</h2><p class="post-meta">${p.date ? day(p.date) : ''}${
      p.authors.length > 0 ? `<span>${escapeHtml(p.authors.map(authorLabel).join('、'))}</span>` : ''
    }<span>${escapeHtml(t.readingTime(p.readingMinutes))}</span></p>${
      p.excerpt ? `<p class="post-card-excerpt">${escapeHtml(p.excerpt)}</p>` : ''
    }${tagList(p.tags)}</div></article></li>`;
  const list = (total: number, posts: PostSummary[]) =>
    total === 0
      ? `<p>${escapeHtml(t.noPosts)}</p>`
      : `<section class="post-list" aria-label="${escapeHtml(t.postsCount(total))}"><ol>${posts
          .map(card)
          .join('')}</ol></section>`;
  // a list's page and the way to the pages before and after it: a reader or crawler without
  // JavaScript reaches every post (the app scrolls on instead)
  const pager = (route: string, page = 1, pages = 1) =>
    pages > 1
      ? `<nav class="pager" aria-label="${escapeHtml(t.pagination)}">${
          page > 1 ? link(routes.listPage(route, page - 1), t.newerPosts, ' rel="prev"') : ''
        }<span>${escapeHtml(t.pageOf(page, pages))}</span>${
          page < pages ? link(routes.listPage(route, page + 1), t.olderPosts, ' rel="next"') : ''
        }</nav>`
      : '';
  // the archive's years and months, as the app lists them: a year's months in a grid of twelve
  const archiveIndex = (years: ArchiveYear[]) =>
    `<nav aria-label="${escapeHtml(t.archive)}" class="archive-index"><ul>${years
      .map(
        (y) =>
          `<li><p class="archive-year">${link(routes.archive(y.year), t.year(y.year))} <span class="chip-count">${y.count}</span></p><ol class="archive-months">${archiveMonths(
            y,
          )
            .map(([month, m]) =>
              m
                ? `<li><a href="${href(routes.archive(y.year, month))}" aria-label="${escapeHtml(`${t.yearMonth(y.year, month)} ${t.postsCount(m.count)}`)}">${escapeHtml(t.month(month))} <span class="chip-count">${m.count}</span></a></li>`
                : `<li class="archive-empty" aria-hidden="true">${escapeHtml(t.month(month))}</li>`,
            )
            .join('')}</ol></li>`,
      )
      .join('')}</ul></nav>`;
  // a year's or a month's way to the ones beside it, and up
  const archiveAround = (route: Extract<RouteData, { kind: 'archive' }>) => {
    if (route.year === undefined) return '';
    const to = (p: ArchivePeriod) => routes.archive(p.year, p.month);
    const up = route.month === undefined ? routes.archive() : routes.archive(route.year);
    return `<nav class="archive-around" aria-label="${escapeHtml(t.archiveAround)}">${
      route.newer
        ? link(
            to(route.newer),
            `‹ ${archiveTitle(t, route.newer.year, route.newer.month)}`,
            ' class="archive-newer"',
          )
        : ''
    }${link(up, archiveTitle(t, route.month === undefined ? undefined : route.year), ' class="archive-up"')}${
      route.older
        ? link(
            to(route.older),
            `${archiveTitle(t, route.older.year, route.older.month)} ›`,
            ' class="archive-older"',
          )
        : ''
    }</nav>`;
  };

  // the operator's links (their addresses checked in options.ts), as the app's SiteLinks shows them
  const siteLink = ({ label, url }: SiteLink) =>
    `<a href="${escapeHtml(siteAddress(url, base))}">${escapeHtml(label)}</a>`;
  // an article's "edit" and "report" links, as the app's PostActions shows them
  const postActions = (p: PostData) =>
    p.editUrl || p.reportUrl
      ? `<p class="post-actions">${[
          ...(p.editUrl
            ? [`<a href="${escapeHtml(p.editUrl)}" rel="nofollow">${escapeHtml(t.editPost)}</a>`]
            : []),
          ...(p.reportUrl
            ? [`<a href="${escapeHtml(p.reportUrl)}" rel="nofollow">${escapeHtml(t.reportPost)}</a>`]
            : []),
        ].join(' · ')}</p>`
      : '';
  const nav = [
    link(routes.home(), t.home),
    link(routes.tags(), t.tags),
    link(routes.archive(), t.archive),
    ...pages.map((p) => link(routes.page(p.slug), p.title)),
    ...(site.menu ?? []).map(siteLink),
  ]
    .map((a) => `<li>${a}</li>`)
    .join('');
  const logo = site.logo
    ? `<img class="site-logo" src="${escapeHtml(siteAddress(site.logo, base))}" alt="" width="28" height="28" />`
    : '';
  const top = `<a class="skip-link" href="#main">${escapeHtml(t.skipToContent)}</a><header class="site-header"><a href="${href(
    routes.home(),
  )}" class="site-title">${logo}${escapeHtml(site.title)}</a><nav aria-label="${escapeHtml(site.title)}"><ul>${nav}</ul></nav><form role="search" class="site-search" action="${href(
    routes.search(),
  )}"><label class="visually-hidden" for="site-search">${escapeHtml(t.search)}</label><input id="site-search" type="search" name="q" maxlength="${MAX_QUERY}" placeholder="${escapeHtml(
    t.searchPlaceholder,
  )}" autocomplete="off" enterkeyhint="search" /></form></header><main id="main" tabindex="-1">`;
  // the feeds, written when the site has its address (write-site.ts), each a visible link too
  const feedAnchor = (route: string, label: string) =>
    `<a class="feed-link" href="${href(feedFile(route))}" aria-label="${escapeHtml(label)}">RSS</a>`;
  const feedLink = (route: string, label: string) => (site.siteUrl ? ` · ${feedAnchor(route, label)}` : '');
  // the footer's text (else the description), its links and the feed, one line
  const bottom = `</main><footer class="site-footer"><p>${[
    ...(site.footer || site.description ? [escapeHtml(site.footer || site.description)] : []),
    ...(site.footerLinks ?? []).map(siteLink),
    ...(site.siteUrl ? [feedAnchor('', t.feed)] : []),
  ].join(' · ')}</p></footer>`;

  return (route) => {
    let main: string;
    switch (route.kind) {
      case 'home': {
        const page = route.page ?? 1;
        const heading = page > 1 ? `${site.title} · ${t.pageTitle(page)}` : site.title;
        // pinned posts lead the first page (as the app's PinnedPosts shows them)
        const pinned =
          page === 1 && route.pinned
            ? `<section class="pinned-posts" aria-labelledby="pinned-heading"><h2 class="eyebrow" id="pinned-heading">${escapeHtml(
                t.pinned,
              )}</h2><ol>${route.pinned.map(card).join('')}</ol></section>`
            : '';
        main = `<h1 class="visually-hidden">${escapeHtml(heading)}</h1>${pinned}${list(
          route.list.total,
          route.list.posts,
        )}${pager(routes.home(), page, route.pages)}`;
        break;
      }
      case 'facet': {
        const own = routes.facet(route.facet, route.name);
        main = `<section><p class="eyebrow">${escapeHtml(t[FACET_LABEL[route.facet]])}</p><h1>${escapeHtml(
          route.name,
        )}</h1><p class="post-meta">${escapeHtml(t.postsCount(route.list.total))}${feedLink(own, t.feedOf(route.name))}</p>${together(route.together)}${list(
          route.list.total,
          route.list.posts,
        )}${pager(own, route.page, route.pages)}</section>`;
        break;
      }
      case 'archive': {
        const title = archiveTitle(t, route.year, route.month);
        main = `<section><h1>${escapeHtml(title)}</h1><p class="post-meta">${escapeHtml(
          t.postsCount(route.list.total),
        )}</p>${archiveAround(route)}${route.years && (route.page ?? 1) === 1 ? archiveIndex(route.years) : ''}${list(
          route.list.total,
          route.list.posts,
        )}${pager(routes.archive(route.year, route.month), route.page, route.pages)}</section>`;
        break;
      }
      case 'post': {
        // The article whole, as the app shows it: readers and crawlers without script read all of it,
        // and the page's largest paint is its own, before the app has arrived.
        const p = route.post;
        const authors = p.authors.map((a) => link(routes.facet('author', a), authorLabel(a))).join('');
        const toc =
          p.headings.length >= 3
            ? `<nav class="toc" aria-label="${escapeHtml(t.toc)}"><details${
                p.headings.length <= TOC_OPEN_MAX ? ' open' : ''
              }><summary>${escapeHtml(t.tocCount(p.headings.length))}</summary><ol>${p.headings
                .map(
                  (h) =>
                    `<li class="toc-${h.depth}"><a href="#${p.rawHtml ? 'user-content-' : ''}${escapeHtml(h.id)}">${escapeHtml(h.text)}</a></li>`,
                )
                .join('')}</ol></details></nav>`
            : '';
        const lang = p.lang ? ` lang="${escapeHtml(p.lang)}"` : '';
        // a removed post: its title and date, and the notice in the article's place (the app shows
        // the page's own prose, so the same)
        if (p.removed !== undefined) {
          main = `<article class="article"${lang}><header><h1>${escapeHtml(p.title)}</h1><p class="post-meta">${
            p.date ? day(p.date) : ''
          }</p></header><div class="prose"><p class="removed-notice" role="note">${escapeHtml(
            t.removed(p.removed),
          )}</p></div></article>`;
          break;
        }
        main = `<article class="article"${lang}><header><h1>${escapeHtml(p.title)}</h1><p class="post-meta">${
          p.date ? day(p.date) : ''
        }${authors}<span>${escapeHtml(t.readingTime(p.readingMinutes))}</span></p>${tagList(
          p.tags,
          p.categories,
        )}</header>${toc}<div class="prose">${articleHtml(p.body, p.headings, p.rawHtml, site.lang)}</div>${postActions(p)}</article>`;
        break;
      }
      case 'page':
        // a standalone page whole (it is short): readable without JavaScript
        main = `<article class="article"><h1>${escapeHtml(route.page.title)}</h1><div class="prose">${pageHtml(
          route.page.body,
          site.lang,
        )}</div></article>`;
        break;
      case 'tags': {
        // the cloud as the app draws it, the filter box and the sort buttons apart (they need it)
        const top = route.top ?? [];
        const counts = top.map((c) => c.count);
        const [min, max] = [Math.min(...counts), Math.max(...counts)];
        main = `<section><h1>${escapeHtml(t.tagCloud)}</h1><ul class="tag-cloud">${top
          .map(
            (c) =>
              `<li style="--cloud:${cloudSize(c.count, min, max).toFixed(2)}"><a href="${href(
                routes.facet('tag', c.name),
              )}">${escapeHtml(c.name)} <span class="chip-count">${c.count}</span></a></li>`,
          )
          .join('')}</ul></section>`;
        break;
      }
      case 'search':
        // the header's form asks this page for ?q=; results need the app: without it, a way on
        main = `<section class="search"><h1>${escapeHtml(t.search)}</h1><p>${escapeHtml(
          t.searchHint,
        )}</p><p class="notice without-script">${escapeHtml(t.searchNeedsScript)} ${link(
          routes.tags(),
          t.tagCloud,
        )} · ${link(routes.archive(), t.archive)}</p></section>`;
        break;
      case 'notFound':
        // a way on: the search box, the newest posts, home (as the app's NotFound shows them)
        main = `<section class="not-found"><h1>${escapeHtml(t.notFoundTitle)}</h1><p>${escapeHtml(
          t.notFoundText,
        )}</p><form role="search" class="not-found-search" action="${href(
          routes.search(),
        )}"><label for="not-found-q">${escapeHtml(t.notFoundSearch)}</label><input id="not-found-q" type="search" name="q" maxlength="${MAX_QUERY}" autocomplete="off" enterkeyhint="search" /><button type="submit">${escapeHtml(
          t.search,
        )}</button></form>${
          route.newest && route.newest.length > 0
            ? `<h2>${escapeHtml(t.newestPosts)}</h2><section class="post-list" aria-label="${escapeHtml(
                t.newestPosts,
              )}"><ol>${route.newest.map(card).join('')}</ol></section>`
            : ''
        }<p>${link(routes.home(), t.backHome)}</p></section>`;
        break;
      default:
        return '';
    }
    return `${top}${main}${bottom}`;
  };
}
