// Entry pages carry their route's data inline; the app reads it on start and fetches other routes'
// entry pages for theirs (one file per route, nothing else per post).
import type { EntryData, RouteData } from '../../shared/contract.ts';
import { hasDataShape } from '../../shared/data-shapes.ts';
import { routes, routeUrl } from '../../shared/paths.ts';
import { reloadOnce } from './reload-once.ts';
import { readEntry, t } from './site.ts';

export const BASE = import.meta.env.BASE_URL;

/** The route path (relative to the base, ending in `/`, decoded) of a location's pathname. */
export function routeOfPathname(pathname: string): string {
  let rel = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\//, '');
  rel = rel.replace(/index\.html$/, '');
  if (rel !== '' && !rel.endsWith('/')) rel += '/';
  try {
    return rel
      .split('/')
      .map((s) => decodeURIComponent(s))
      .join('/');
  } catch {
    return rel;
  }
}

/** A route the site does not have, as the app shows it. */
const NOT_FOUND: RouteData = { kind: 'notFound' };

/**
 * Fetches a route's entry page and returns the data it carries. A route the site does not have is
 * data too (`notFound`, with the newest posts when the host answered with 404.html), not an error: it
 * is fetched once, and never again while the app runs.
 */
export async function fetchRouteData(route: string): Promise<RouteData> {
  // The search page's entry carries nothing but its kind (its results come from its URL): a query
  // typed anywhere opens it without waiting for its page.
  if (route === routes.search()) return { kind: 'search' };
  const res = await fetch(routeUrl(BASE, route));
  if (!res.ok && res.status !== 404) throw new Error(`${res.status} ${res.statusText}`);
  const html = await res.text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const entry = readEntry(doc);
  // Every entry page ends with its data: a page without it that does not end either was cut short
  // on its way (a dropped connection, a proxy's limit). That is an error to retry, not a missing page.
  if (!entry && res.ok && !/<\/html>\s*$/i.test(html)) throw new Error(t.pageCutShort);
  if (
    entry &&
    !(typeof entry.route === 'object' && entry.route !== null && typeof entry.route.kind === 'string')
  )
    throw new Error(`${route} does not hold what it should`);
  if (entry?.route.kind === 'notFound') return entry.route;
  // A host may answer an unknown path with a page of its own or its fallback (index.html): not this route.
  if (!entry || entry.path !== route) return NOT_FOUND;
  return withArticle(entry.route, doc);
}

/** Where an entry page holds its article's HTML (src/node/render/first-screen.ts). */
const PROSE = '#root article.article > .prose';

/**
 * A post's data with its article's HTML, from the entry page that carries both: the inline data leaves
 * the body out, the page holds it as HTML (rendered and sanitised at build time).
 */
export function withArticle(route: RouteData, doc: ParentNode): RouteData {
  if (route.kind !== 'post' || route.post.html !== undefined) return route;
  const html = doc.querySelector(PROSE)?.innerHTML ?? '';
  return { kind: 'post', post: { ...route.post, html } };
}

let started: { slug: string; prose: Element } | undefined;

/**
 * Keeps the article the page was loaded with, as it is in the page (its images loading or loaded), for
 * the app's article view to take over instead of making it again (nor reading it into a string: a
 * real article's HTML is up to megabytes).
 */
export function keepStartArticle(route: RouteData, doc: Document): void {
  const prose = doc.querySelector(PROSE);
  if (route.kind === 'post' && prose) started = { slug: route.post.slug, prose };
}

/** The article the page was loaded with, if it is `slug`'s: the same nodes whenever its view shows it. */
export function startArticle(slug: string): Element | undefined {
  return started?.slug === slug ? started.prose : undefined;
}

/**
 * The data of the route a page was loaded at, from the data the page carries: its own; or, where the
 * host answered with 404.html or another route's page (a fallback), that the site has no such route.
 */
export function startData(entry: EntryData, route: string): RouteData {
  if (entry.path === route) return entry.route; // (its article: keepStartArticle)
  return entry.route.kind === 'notFound' ? entry.route : NOT_FOUND;
}

/** Fetches a hashed data file; one that is gone means the site was redeployed: reload once. */
export async function fetchData<T>(file: string): Promise<T> {
  const res = await fetch(BASE + file);
  if (res.status === 404 && reloadOnce()) return new Promise<T>(() => {});
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  const value: unknown = await res.json(); // a truncated file throws here
  if (!hasDataShape(file, value)) throw new Error(`${file} does not hold what it should`);
  return value as T;
}

/** Fetches a hashed binary file (a search bucket); gone means the site was redeployed, as for data. */
export async function fetchBytes(file: string): Promise<Uint8Array> {
  const res = await fetch(BASE + file);
  if (res.status === 404 && reloadOnce()) return new Promise<Uint8Array>(() => {});
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return new Uint8Array(await res.arrayBuffer());
}
