// Pipeline result → every file Folio adds to the output: data files, copied assets, entry pages,
// feeds, sitemap and host files. In: the result, the app shell as Vite built it, the base path.
// Out: the home page's HTML (Vite owns index.html), and the other files one by one.
import type { EntryData, RouteData } from '../shared/contract.ts';
import { routeFile, routes } from '../shared/paths.ts';
import { emitFeeds } from './emit-feeds.ts';
import { emitHostFiles } from './emit-host-files.ts';
import { SearchIndexBuilder, type SearchSink } from './index-search.ts';
import { bodyOf } from './load-body.ts';
import type { OrderedPost } from './order-posts.ts';
import type { PipelineResult } from './pipeline.ts';
import { renderEntry, type EntryContext } from './render-entry.ts';

/** A file's text or bytes, or `{ copy }`: the absolute path of a file to copy as it is. */
export type SiteFile = string | Uint8Array | { copy: string };

/** The sitemap's `lastmod`: a post's updated (or published) date; the newest post's for the home page. */
function lastModified(posts: PipelineResult['posts']): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of posts) {
    const when = p.updated?.text ?? p.date?.text;
    if (when) out.set(routes.post(p.slug), when);
  }
  const newest = posts[0]?.updated?.text ?? posts[0]?.date?.text;
  if (newest) out.set(routes.home(), newest);
  return out;
}

/** The home page's HTML (Vite owns index.html and writes it). */
export function homePage(result: PipelineResult, shell: string, base: string): string {
  // The home page is a list: it needs no lazy chunk, so nothing to preload.
  const { data } = result;
  return renderEntry(
    shell,
    { path: routes.home(), manifest: data.manifest, route: data.routes.get(routes.home())! },
    { base, feeds: !!data.manifest.site.siteUrl, deferApp: true },
  );
}

/**
 * Every other file, made as it is written (so a large archive's pages are never all in memory). With
 * `consume`, the result is let go of as it is written (a build's last use of it): the data files once
 * written, each route and post once its page is made. With `search`, the posts go to that index, whose
 * files are the caller's to write; else the index is made here and its files come last.
 */
export function* siteFiles(
  result: PipelineResult,
  shell: string,
  base: string,
  preload: EntryContext['preload'] = {},
  consume = false,
  search?: SearchSink,
): Generator<[string, SiteFile]> {
  const { data, assets, posts } = result;
  const site = data.manifest.site;
  const routePaths = [...data.routes.keys()];
  const lastmod = lastModified(posts);
  yield* data.files;
  if (consume) data.files.clear();
  yield* assets;
  // (the feeds read posts the loop below lets go of)
  if (site.siteUrl) yield* emitFeeds(posts, data.facets, { site, base });
  const ctx: EntryContext = { base, feeds: !!site.siteUrl, preload, deferApp: true };
  const page = (entry: EntryData) => renderEntry(shell, entry, ctx);
  // The posts' pages before the other routes', in ordinal order: each post is indexed for search as its
  // page is made, its body read once; by the given sink (whose files are the caller's: a thread's makes
  // them while the other routes' pages are written), else here.
  const inline = search ? undefined : new SearchIndexBuilder(data.manifest.search, site.lang);
  const index = search ?? inline!;
  const held = posts as (OrderedPost | undefined)[];
  for (const [route, routeData] of data.routes) {
    if (routeData.kind !== 'post') continue;
    if (consume) data.routes.delete(route);
    // A body the build did not keep is read again for its page alone (load-body.ts).
    const { post } = routeData;
    const source = held[post.ordinal]!;
    const body = source.bodySource ? bodyOf(source) : post.body;
    if (consume) held[post.ordinal] = undefined;
    index.add(post, body);
    const full: RouteData = body === post.body ? routeData : { kind: 'post', post: { ...post, body } };
    yield [routeFile(route), page({ path: route, manifest: data.manifest, route: full })];
  }
  search?.end();
  if (inline) yield* inline.files();
  for (const [route, routeData] of data.routes) {
    if (route === routes.home() || routeData.kind === 'post') continue;
    if (consume) data.routes.delete(route);
    yield [routeFile(route), page({ path: route, manifest: data.manifest, route: routeData })];
  }
  yield ['404.html', page({ path: '404.html', manifest: data.manifest, route: { kind: 'notFound' } })];
  yield* emitHostFiles(routePaths, lastmod, site, base);
}
