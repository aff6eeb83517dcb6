// Where each post lives (the permalink option) and the old addresses that lead to it (its `aliases:`
// and the site's aliases option). In: the posts in order, the options, every route the site has. Out:
// each post's route where it is not `posts/<slug>/`, the redirect pages and feed copies to write, and
// what was refused.
import path from 'node:path';
import { HOME_FEEDS, postRoute, RESERVED_TOP, routeFile, routes } from '../../shared/paths.ts';
import { foldKey, safeSegment, slugText } from '../../shared/slug.ts';
import type { ContentIssue } from '../issues.ts';
import type { OrderedPost } from './order-posts.ts';

/** The default pattern: no post carries a route of its own. */
export const DEFAULT_PERMALINK = 'posts/:slug/';

/** A post's route by the pattern; undefined where it needs a date the post lacks. */
function fillPattern(pattern: string, p: OrderedPost): string | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(p.date?.text ?? '');
  if (!day && /:(?:year|month|day)\b/.test(pattern)) return undefined;
  const fileName = path.posix.basename(p.path).replace(/\.[^.]+$/, '');
  return pattern.replace(/:(slug|filename|year|month|day)\b/g, (_, key: string) =>
    key === 'slug'
      ? p.slug
      : key === 'filename'
        ? safeSegment(slugText(fileName))
        : day![key === 'year' ? 1 : key === 'month' ? 2 : 3]!,
  );
}

/**
 * Each post's route by the pattern, oldest first (a later post never moves an older one's address):
 * one another post has taken keeps `posts/<slug>/`, with a warning; undated posts under a pattern of
 * dates keep it too.
 */
export function assignRoutes(
  posts: OrderedPost[],
  pattern: string,
  issues: ContentIssue[],
  reserved: ReadonlySet<string> = RESERVED_TOP,
): OrderedPost[] {
  if (pattern === DEFAULT_PERMALINK) return posts;
  const taken = new Map<string, string>();
  for (const p of posts) taken.set(foldKey(routes.post(p.slug)), p.path);
  const out = posts.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    const p = out[i]!;
    const route = fillPattern(pattern, p);
    if (route === undefined || route === routes.post(p.slug)) continue;
    const top = route.slice(0, route.indexOf('/'));
    const owner = reserved.has(top) ? `the site's own /${top}/` : taken.get(foldKey(route));
    if (owner !== undefined) {
      issues.push({
        file: p.path,
        severity: 'warning',
        message: `permalink ${route} is taken by ${owner}: this post is at ${routes.post(p.slug)}`,
      });
      continue;
    }
    taken.set(foldKey(route), p.path);
    out[i] = { ...p, route };
  }
  return out;
}

/** What the old addresses become: redirect pages (file → route they lead to) and feed copies (file → feed). */
export interface Redirects {
  pages: Map<string, { to: string; title: string }>;
  copies: Map<string, string>;
  refused: { from: string; reason: string }[];
}

/**
 * The redirect pages and copies for the posts' aliases and the site's, none over a file the site has
 * (`has`: a route or a file name) or another alias; a page's old address ends in `/` or `.html`, a
 * feed's is a copy of it.
 */
export function redirects(
  posts: OrderedPost[],
  siteAliases: Record<string, string>,
  { has, title }: { has: (route: string) => boolean; title: (route: string) => string | undefined },
): Redirects {
  const out: Redirects = { pages: new Map(), copies: new Map(), refused: [] };
  const feeds = new Set([HOME_FEEDS.rss, HOME_FEEDS.atom, HOME_FEEDS.json]);
  const add = (from: string, to: string, label: string | undefined) => {
    const isPage = from === '' || from.endsWith('/') || from.endsWith('.html');
    const file = from === '' || from.endsWith('/') ? routeFile(from) : from;
    const refuse = (reason: string) => out.refused.push({ from: `/${from}`, reason });
    if (has(from) || has(file) || feeds.has(file)) return refuse('the site has a page or file there');
    if (out.pages.has(file) || out.copies.has(file)) return refuse('another alias has it');
    const feed = feeds.has(to) || to.endsWith('.xml');
    if (feed && !isPage) return void out.copies.set(file, to);
    if (!isPage) return refuse('an old page address must end in / or .html (a feed’s, in .xml)');
    const target = label === undefined ? title(to) : label;
    if (target === undefined) return refuse(`/${to} is not a page of the site`);
    out.pages.set(file, { to, title: target });
  };
  for (const p of posts) for (const alias of p.aliases ?? []) add(alias, postRoute(p), p.title);
  for (const [from, to] of Object.entries(siteAliases)) add(from, to, undefined);
  return out;
}
