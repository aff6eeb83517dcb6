// Pipeline result → every file Folio adds to the output, written: data files, copied media, entry
// pages, feeds, sitemap and host files, and the search index on a thread of its own. In: the result,
// the app shell as Vite built it, the base path, the output folder (and what the last build left in
// it). Out: the home page's HTML (Vite owns index.html), and the other files, written (writeSite).
import path from 'node:path';
import type { EntryData, RouteData } from '../shared/contract.ts';
import { MEDIA_DIR, postRoute, routeFile, routes, searchFile } from '../shared/paths.ts';
import type { Report } from './collect/report.ts';
import { emitFeeds } from './render/feeds.ts';
import { redirectPage } from './render/redirect-page.ts';
import { emitHostFiles } from './render/host-files.ts';
import { SearchIndexBuilder, type SearchSink } from './search/index-builder.ts';
import { searchIndexer } from './search/indexer.ts';
import { bodyOf } from './read/load-body.ts';
import type { OrderedPost } from './collect/order-posts.ts';
import type { PipelineResult } from './pipeline.ts';
import { renderEntry, type EntryContext } from './render/entry.ts';
import { notFoundRoute } from './emit/run.ts';
import {
  openWriter,
  pruneOutput,
  WriteError,
  type OutputListing,
  type SiteFile,
  type WriteCount,
} from './write/write-files.ts';
import { listed, PARTIAL_LIST, WRITTEN_LIST, type WrittenJournal } from './write/written-list.ts';

export type { SiteFile };

/** The sitemap's `lastmod`: a post's updated (or published) date; the newest post's for the home page. */
function lastModified(posts: PipelineResult['posts']): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of posts) {
    const when = p.updated?.text ?? p.date?.text;
    if (when) out.set(postRoute(p), when);
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
  // the unlisted posts (ordinals from `listed` on) are in no feed, sitemap or search
  const { listed } = result;
  const listedPosts = listed === posts.length ? posts : posts.slice(0, listed);
  const unlisted = new Set(posts.slice(listed).map((p) => postRoute(p)));
  const routePaths = [...data.routes.keys()].filter((r) => !unlisted.has(r));
  const lastmod = lastModified(listedPosts);
  yield* data.files;
  if (consume) data.files.clear();
  yield* assets;
  // (the feeds read posts the loop below lets go of)
  if (site.siteUrl)
    for (const [name, text] of emitFeeds(listedPosts, data.facets, { site, base, ...result.feeds })) {
      yield [name, text];
      // an old feed address (an alias) is a copy of the feed
      for (const [from, to] of result.redirects.copies) if (to === name) yield [from, text];
    }
  // old page addresses (aliases): a redirect page each
  for (const [file, { to, title }] of result.redirects.pages)
    yield [file, redirectPage(to, title || site.title, site, base)];
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
    if (post.ordinal < listed) index.add(post, body);
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
  yield ['404.html', page({ path: '404.html', manifest: data.manifest, route: notFoundRoute(data) })];
  yield* emitHostFiles(routePaths, lastmod, site, base);
}

export interface WriteSiteOptions {
  /** The output folder. */
  dir: string;
  /** The app's shell, as Vite built it. */
  shell: string;
  base: string;
  preload: EntryContext['preload'];
  /** What the output folder held before (a build over the last one), to leave alone or remove. */
  previous?: OutputListing;
  /** Where each post's and page's folder comes from (folderSources), for a write that fails. */
  sources: Map<string, string>;
  /** Whether a file of the folder is Vite's (the bundle, the public folder's copies): kept. */
  vites: (name: string) => boolean;
  /** The list of what this build writes, each name noted as it is written (./write/written-list.ts). */
  journal?: WrittenJournal;
  /**
   * What of the folder's earlier files this build did not write may be removed: those a list of the
   * last build's names (`listed`), all, or none. Default all.
   */
  removable?: Set<string> | boolean;
}

/** The files, each noted in the journal as it goes to be written. */
function* noted<F>(files: Iterable<[string, F]>, journal: WrittenJournal): Generator<[string, F]> {
  for (const entry of files) {
    journal.add(entry[0]);
    yield entry;
  }
}

/**
 * Writes every file of siteFiles into the output folder, the search index on its own thread while the
 * other pages are written, then removes what the last build left and this one did not write. The
 * result is let go of as it is written.
 */
export async function writeSite(
  result: PipelineResult,
  { dir, shell, base, preload, previous, sources, vites, journal, removable = true }: WriteSiteOptions,
): Promise<WriteCount & { removed: number; unknown: number }> {
  const { search: plan, site } = result.data.manifest;
  const writer = openWriter(dir, previous);
  const note = <F>(files: Iterable<[string, F]>) => (journal ? noted(files, journal) : files);
  // the search index's thread writes its folder's files itself: the list names the folder
  const searchDir = `${path.posix.dirname(searchFile(plan.id, 0))}/`;
  journal?.add(searchDir);
  const chars = result.posts.reduce((n, p) => n + p.bodyChars, 0);
  const search = searchIndexer(
    plan,
    site.lang,
    result.posts.length,
    dir,
    (files) => writer.write(note(files)),
    chars,
  );
  let count: WriteCount, index: WriteCount;
  try {
    count = await writer.write(note(siteFiles(result, shell, base, preload, true, search)), search.backlog);
    index = await search.finish();
  } catch (e) {
    throw e instanceof WriteError ? new Error(writeFailure(sources, e)) : e;
  } finally {
    await writer.close();
  }
  let removed = 0;
  let unknown = 0;
  if (previous) {
    // what Vite wrote, what the search index's thread wrote, the list itself
    const ours = (name: string) =>
      vites(name) ||
      name.startsWith(searchDir) ||
      name === WRITTEN_LIST ||
      name === PARTIAL_LIST ||
      /^\.git(?:\/|$)/.test(name);
    const others = (name: string) =>
      removable === true ? false : removable === false ? (unknown++, true) : !listed(removable, name);
    removed = await pruneOutput(dir, previous, (name) => ours(name) || others(name));
  }
  return {
    files: count.files + index.files,
    unchanged: count.unchanged + index.unchanged,
    removed,
    unknown,
  };
}

/** The content file each published post's and page's folder is made from, by route. */
export function folderSources(report: Report): Map<string, string> {
  const sources = new Map<string, string>();
  for (const f of report.files)
    if (f.status === 'published' && f.slug !== undefined)
      sources.set(f.path.startsWith('pages/') ? routes.page(f.slug) : routes.post(f.slug), f.path);
  return sources;
}

/** What a failed write says: the file, and the post, page or kind of file it is made from. */
export function writeFailure(sources: Map<string, string>, e: WriteError): string {
  const [top, folder] = e.file.split('/');
  const from =
    (folder !== undefined && sources.get(`${top}/${folder}/`)) ||
    (top === MEDIA_DIR
      ? 'a file a post references'
      : folder !== undefined
        ? `the list ${top}/${folder}/`
        : 'the site');
  return `folio: could not write ${e.file}, made from ${from}: ${e.message}`;
}
