// Route data → the first screen as plain HTML, inside the app's root: the header, and a list page's
// first cards or an article's title, date and excerpt, in the markup and classes the app renders. A
// reader on a slow phone sees the page before the app's JavaScript has arrived (Lighthouse's largest
// paint on the home page went from the app's first card to this one); readers without JavaScript and
// crawlers see it too. The app replaces it when it starts: new nodes, so no layout shift is counted.
import type { EntryData, PostSummary } from '../shared/contract.ts';
import { formatDay } from '../shared/format.ts';
import { en } from '../shared/messages/en.ts';
import { zhCN } from '../shared/messages/zh-CN.ts';
import { routes, routeUrl } from '../shared/paths.ts';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) : text;
}

const FACET_LABEL = { tag: 'tags', category: 'category', author: 'author' } as const;

export function firstScreen(entry: EntryData, base: string): string {
  const { site, pages } = entry.manifest;
  const t = site.lang === 'en' ? en : zhCN;
  const href = (route: string) => escapeHtml(routeUrl(base, route));
  const link = (route: string, text: string, attrs = '') =>
    `<a href="${href(route)}"${attrs}>${escapeHtml(text)}</a>`;
  const day = (iso: string) =>
    `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatDay(iso, site.lang, site.timeZone))}</time>`;
  const tagList = (tags: string[], categories: string[] = []) =>
    tags.length + categories.length === 0
      ? ''
      : `<ul class="tag-list" aria-label="${escapeHtml(t.tags)}">${[
          ...categories.map((c) => `<li>${link(routes.facet('category', c), c)}</li>`),
          ...tags.map((tag) => `<li>${link(routes.facet('tag', tag), tag)}</li>`),
        ].join('')}</ul>`;
  const card = (p: PostSummary) =>
    `<li><article class="post-card"><div class="post-card-text"><h2 class="post-card-title">${link(
      routes.post(p.slug),
      p.title,
    )}</h2><p class="post-meta">${p.date ? day(p.date) : ''}${
      p.authors.length > 0 ? `<span>${escapeHtml(p.authors.join('、'))}</span>` : ''
    }<span>${escapeHtml(t.readingTime(p.readingMinutes))}</span></p>${
      p.excerpt ? `<p class="post-card-excerpt">${escapeHtml(p.excerpt)}</p>` : ''
    }${tagList(p.tags)}</div></article></li>`;
  const list = (total: number, posts: PostSummary[]) =>
    total === 0
      ? `<p>${escapeHtml(t.noPosts)}</p>`
      : `<section class="post-list" aria-label="${escapeHtml(t.postsCount(total))}"><ol>${posts
          .map(card)
          .join('')}</ol></section>`;

  const route = entry.route;
  let main: string;
  switch (route.kind) {
    case 'home':
      main = `<h1 class="visually-hidden">${escapeHtml(site.title)}</h1>${list(route.list.total, route.list.posts)}`;
      break;
    case 'facet':
      main = `<section><p class="eyebrow">${escapeHtml(t[FACET_LABEL[route.facet]])}</p><h1>${escapeHtml(
        route.name,
      )}</h1><p class="post-meta">${escapeHtml(t.postsCount(route.list.total))}</p>${list(
        route.list.total,
        route.list.posts,
      )}</section>`;
      break;
    case 'archive': {
      const title =
        route.year === undefined
          ? t.archive
          : route.month === undefined
            ? t.year(route.year)
            : t.yearMonth(route.year, route.month);
      main = `<section><h1>${escapeHtml(title)}</h1><p class="post-meta">${escapeHtml(
        t.postsCount(route.list.total),
      )}</p>${list(route.list.total, route.list.posts)}</section>`;
      break;
    }
    case 'post': {
      const p = route.post;
      main = `<article class="article"><header><h1>${escapeHtml(p.title)}</h1><p class="post-meta">${
        p.date ? day(p.date) : ''
      }${p.authors.map((a) => link(routes.facet('author', a), a)).join('')}<span>${escapeHtml(
        t.readingTime(p.readingMinutes),
      )}</span></p>${tagList(p.tags, p.categories)}</header>${
        p.excerpt ? `<p>${escapeHtml(p.excerpt)}</p>` : ''
      }</article>`;
      break;
    }
    default:
      return '';
  }
  const nav = [
    link(routes.home(), t.home),
    link(routes.tags(), t.tags),
    link(routes.archive(), t.archive),
    ...pages.map((p) => link(routes.page(p.slug), p.title)),
  ]
    .map((a) => `<li>${a}</li>`)
    .join('');
  return `<a class="skip-link" href="#main">${escapeHtml(t.skipToContent)}</a><header class="site-header">${link(
    routes.home(),
    site.title,
    ' class="site-title"',
  )}<nav aria-label="${escapeHtml(site.title)}"><ul>${nav}</ul></nav></header><main id="main" tabindex="-1">${main}</main><footer class="site-footer"><p>${escapeHtml(
    site.description,
  )}</p></footer>`;
}
