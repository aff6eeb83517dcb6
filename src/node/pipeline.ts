// The whole row of steps: find files → read → front matter → normalise → analyse → order → emit.
// In: resolved options. Out: the data contract in memory, the assets to copy, and the report.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { SiteInfo } from '../shared/contract.ts';
import {
  DEFAULT_URLS,
  mediaFile,
  PINNED_MAX,
  postRoute,
  RESERVED_TOP,
  routes,
  setUrlScheme,
  type UrlScheme,
} from '../shared/paths.ts';
import { assignRoutes, redirects, type Redirects } from './collect/permalinks.ts';
import { mediaCopy, type MediaFile } from './collect/media.ts';
import { emitData, type EmittedData, type EmitMemo, emitMemo } from './emit/data.ts';
import { contentHash } from './hash.ts';
import { findFiles, restat, type FoundFile, type FoundFiles } from './read/find-files.ts';
import type { ContentIssue, StepIssue } from './issues.ts';
import type { NormaliseContext, PostRecord } from './read/normalise-post.ts';
import type { ResolvedOptions } from './options.ts';
import { cutToBytes } from '../shared/slug.ts';
import {
  assignSlugs,
  orderMemo,
  orderPosts,
  pinnedPosts,
  type OrderedPost,
  type OrderMemo,
} from './collect/order-posts.ts';
import type { PageRecord } from './read/read-post.ts';
import { readFiles, readOne, type ReadResult } from './read/read-files.ts';
import { replaceRef } from './read/load-body.ts';
import { findDuplicates } from './collect/duplicates.ts';
import { canonicalNames, type TagRules } from './collect/canonical-names.ts';
import { makeReport, type Report, type ReportFile } from './collect/report.ts';
import { postLinks, siteIdentity, type Identity } from './collect/identity.ts';

/** What `npm run check` needs: every post in order, and the report. */
export interface CheckResult {
  posts: OrderedPost[];
  report: Report;
}

/** What the site's feeds carry of each post (the feedContent and feedItemBytes options). */
export interface FeedSettings {
  content: 'full' | 'summary';
  itemBytes: number;
}

export interface PipelineResult extends CheckResult {
  data: EmittedData;
  /** How many of `posts` are listed: those below this ordinal; the unlisted come after them. */
  listed: number;
  /** The old addresses' redirect pages and feed copies (collect/permalinks.ts). */
  redirects: Redirects;
  feeds: FeedSettings;
  /** Output path of each file posts reference → what it is made from (media.ts). */
  assets: Map<string, MediaFile>;
}

/**
 * What the dev server keeps between runs, so that saving one post redoes the work for that post: each
 * file's result by path (valid while size and mtime hold), the last walk of the content folder (while
 * only files it knows change), each record's place in the order, and each post's list JSON.
 */
export interface PipelineCache {
  reads: Map<string, { size?: number; mtimeMs?: number; result: ReadResult }>;
  walk?: FoundFiles;
  ordered: OrderMemo;
  emitted: EmitMemo;
  /** Each record's report entry, while its post (place and slug) holds and it has no run's warnings. */
  entries: WeakMap<PostRecord, { post: OrderedPost | undefined; entry: ReportFile }>;
}

export function pipelineCache(): PipelineCache {
  return { reads: new Map(), ordered: orderMemo(), emitted: emitMemo(), entries: new WeakMap() };
}

/** A watcher's news of a file in the content folder: a known file is taken again, else the walk. */
export function fileChanged(cache: PipelineCache, event: string, file: string): void {
  if (!(event === 'change' && cache.walk && restat(cache.walk, file))) cache.walk = undefined;
}

/**
 * Characters of body a build keeps in memory once analysed: 32 million (at most ~64 MiB, two bytes a
 * character for Chinese text), enough for the bench's 10k posts (~23 million). A body past the budget
 * is read again, from the page cache, as its page is written (load-body.ts), so a 100k-post archive
 * holds no more than that. Reading each body again cost 0.4 s of a 10k build's CPU (its file read and
 * decoded a second time), its share of a build that keeps both cores busy; keeping them costs 50-70 MiB
 * of its peak memory (~520 of the budget's 0.40 of Hugo's ~1,500 MiB; docs/performance.md).
 */
export const BODY_BUDGET = 32_000_000;

export interface PipelineRun {
  /** Characters of body kept (builds; BODY_BUDGET by default); the rest is read again when written. */
  keepBodies?: number;
  /** The base path (Vite's `base`), starting and ending with `/`. */
  base?: string;
  now?: number;
  cache?: PipelineCache;
  onProgress?: (done: number, total: number) => void;
}

/** Where a relative reference in a post points inside the content folder, or undefined. */
function resolveRef(postPath: string, ref: string): string | undefined {
  let clean = ref.replace(/[?#].*$/, '');
  try {
    clean = decodeURI(clean);
  } catch {
    return undefined;
  }
  const joined = clean.startsWith('/')
    ? clean.slice(1)
    : path.posix.join(path.posix.dirname(postPath), clean);
  const norm = path.posix.normalize(joined);
  return norm.startsWith('../') || norm === '..' ? undefined : norm;
}

const issuesOf = (list: StepIssue[]) =>
  list.map(({ severity, line, field, message }) => ({ severity, line, field, message }));

function begin(options: ResolvedOptions, run: PipelineRun): { ctx: NormaliseContext; walk: FoundFiles } {
  // every route this run makes follows the operator's folder and feed names
  setUrlScheme(options.urls);
  const ctx: NormaliseContext = {
    timeZone: options.timeZone,
    drafts: options.drafts,
    future: options.future,
    inDrafts: false,
    now: run.now ?? Date.now(),
    maxFileSize: options.maxFileSize,
  };
  // sizes and times only for the dev server's cache, which compares them
  const walk = run.cache?.walk ?? findFiles(options.contentDir, { stat: !!run.cache });
  if (run.cache) run.cache.walk = walk;
  return { ctx, walk };
}

/** The pipeline on this thread: the dev server's runs (with its cache) and small archives. */
export function runPipeline(options: ResolvedOptions, run: PipelineRun = {}): PipelineResult {
  const { ctx, walk } = begin(options, run);
  let done = 0;
  const read = (file: FoundFile) => {
    if (run.onProgress && ++done % 5000 === 0) run.onProgress(done, walk.files.length);
    const cached = run.cache?.reads.get(file.path);
    if (cached && file.mtimeMs !== undefined && cached.size === file.size && cached.mtimeMs === file.mtimeMs)
      return cached.result;
    const result = readOne(file, ctx);
    run.cache?.reads.set(file.path, { size: file.size, mtimeMs: file.mtimeMs, result });
    return result;
  };
  return finish(options, collect(run, walk, read, rulesOf(options)), run, run.cache);
}

/** What was collected, and the data, feeds and identity made of it. */
function finish(
  options: ResolvedOptions,
  collected: Collected,
  run: PipelineRun,
  cache?: PipelineCache,
): PipelineResult {
  const identity = siteIdentity(options);
  const assets =
    identity.files.size === 0 ? collected.assets : new Map([...collected.assets, ...identity.files]);
  return {
    ...collected,
    assets,
    data: emitAll(options, collected, identity.site, run.base ?? '/', cache),
    feeds: feedSettings(options),
    listed: listedCount(collected.posts),
  };
}

/**
 * From how many files a build holds this thread's heap to 30% past what was live at its last full
 * collection. V8 sets the next limit from how fast it collected and allocated before, and in half of
 * the bench's 100k runs let the heap grow ~500 MiB past what was live while the pages were written
 * (peaks of 2,072 and 2,193 MiB against 1,581 and 1,591): so bounded, a 100k build peaked at
 * 1,236 MiB in 66.6 s. At 10k posts it cost ~3% of the build's time (four alternating pairs), so
 * smaller archives are left to V8.
 */
const BOUNDED_HEAP_FROM = 50_000;

/** The pipeline with files read on every core (./read-files.ts): builds. */
export async function runPipelineParallel(
  options: ResolvedOptions,
  run: Omit<PipelineRun, 'cache'> = {},
): Promise<PipelineResult> {
  const { ctx, walk } = begin(options, run);
  const readable = walk.files.filter((f) => f.role !== 'other');
  if (readable.length >= BOUNDED_HEAP_FROM) v8.setFlagsFromString('--heap-growing-percent=30');
  const results = await readFiles(readable, ctx, {
    onProgress: run.onProgress,
    bodies: run.keepBodies ?? BODY_BUDGET,
  });
  const byFile = new Map(readable.map((f, i) => [f, results[i]!]));
  return finish(
    options,
    collect(run, walk, (file) => byFile.get(file)!, rulesOf(options)),
    run,
  );
}

/** The number of listed posts: the unlisted are ordered after them (order-posts.ts). */
const listedCount = (posts: OrderedPost[]) => {
  let n = posts.length;
  while (n > 0 && posts[n - 1]!.unlisted) n--;
  return n;
};

const feedSettings = (o: ResolvedOptions): FeedSettings => ({
  content: o.feedContent,
  itemBytes: o.feedItemBytes,
});

/** A warning for each pinned post past the PINNED_MAX the home page leads with (`leading`). */
function pinnedOverflow(all: OrderedPost[], leading: OrderedPost[]): ContentIssue[] {
  if (all.length <= PINNED_MAX) return [];
  const kept = new Set(leading);
  return all
    .filter((p) => !kept.has(p))
    .map((p) => ({
      file: p.path,
      severity: 'warning' as const,
      message: `pinned, but ${all.length} posts are: the home page leads with the ${PINNED_MAX} most pinned (then newest), not this one`,
    }));
}

/**
 * `npm run check`: every file read and checked, the posts ordered and the report made; no data is
 * emitted and no body kept (nothing is written but the report). The report is the build's; the posts'
 * body facts (excerpt, reading time, images, headings) are not worked out (read-post.ts, ReadFor).
 */
export async function checkContent(
  options: ResolvedOptions,
  run: Omit<PipelineRun, 'cache' | 'base'> = {},
): Promise<CheckResult> {
  const { ctx, walk } = begin(options, run);
  const readable = walk.files.filter((f) => f.role !== 'other');
  const results = await readFiles(readable, ctx, { onProgress: run.onProgress, bodies: false });
  const byFile = new Map(readable.map((f, i) => [f, results[i]!]));
  const { posts, report } = collect(run, walk, (file) => byFile.get(file)!, rulesOf(options));
  return { posts, report };
}

interface Collected extends CheckResult {
  pages: PageRecord[];
  assets: Map<string, MediaFile>;
  redirects: Redirects;
  /** The pinned posts the home page leads with. */
  pinned: OrderedPost[];
}

/** The operator's word on what collecting makes of the posts (options.ts): tags, addresses. */
interface CollectRules {
  tags: TagRules;
  permalink: string;
  urls: UrlScheme;
  aliases: Record<string, string>;
}

const rulesOf = (options: ResolvedOptions): CollectRules => ({
  tags: { hidden: options.hiddenTags, synonyms: options.tagSynonyms },
  permalink: options.permalink,
  urls: options.urls,
  aliases: options.aliases,
});

/** The data contract for what was collected. */
function emitAll(
  options: ResolvedOptions,
  collected: Collected,
  identity: Identity['site'],
  base: string,
  cache?: PipelineCache,
): EmittedData {
  const { pages } = collected;
  const site: SiteInfo = {
    title: options.title,
    description: options.description,
    lang: options.lang,
    timeZone: options.timeZone,
    siteUrl: options.siteUrl,
    ...identity,
  };
  const urls = Object.fromEntries(
    (Object.keys(DEFAULT_URLS) as (keyof typeof DEFAULT_URLS)[])
      .filter((k) => options.urls[k] !== DEFAULT_URLS[k])
      .map((k) => [k, options.urls[k]]),
  );
  if (Object.keys(urls).length > 0) site.urls = urls;
  // each article's "edit" and "report" addresses, where the site has them
  const posts =
    options.editLink || options.reportLink
      ? collected.posts.map((p) => ({ ...p, ...postLinks(options, p, base) }))
      : collected.posts;
  const listed = listedCount(posts);
  return emitData(
    listed === posts.length ? posts : posts.slice(0, listed),
    pages.map((p) => p.page),
    site,
    { pageSize: options.pageSize, cloudMinCount: options.cloudMinCount, pinned: collected.pinned },
    cache?.emitted,
    posts.slice(listed),
  );
}

/** Everything after reading but the data: assets, order, report. `read` gives each file's result. */
function collect(
  run: PipelineRun,
  walk: FoundFiles,
  read: (file: FoundFile) => ReadResult,
  { tags: tagRules, permalink, urls, aliases }: CollectRules,
): Collected {
  const base = run.base ?? '/';
  const { files, notFollowed } = walk;
  const reportFiles: ReportFile[] = notFollowed.map((n) => ({
    path: n.path,
    status: 'skipped',
    reason: n.reason,
    issues: n.error ? [{ severity: 'error', message: n.reason }] : [],
  }));
  const records: PostRecord[] = [];
  const pages: PageRecord[] = [];
  const others = new Map<string, FoundFile>();
  const seen = new Set<string>();
  for (const file of files) {
    if (file.role === 'other') {
      others.set(file.path, file);
      continue;
    }
    seen.add(file.path);
    const result = read(file);
    if ('binary' in result)
      reportFiles.push({
        path: file.path,
        status: 'skipped',
        reason: result.binary,
        issues: result.error ? [{ severity: 'error', message: result.binary }] : [],
      });
    else if ('page' in result) pages.push(result.page);
    else records.push(result.post);
  }
  if (run.cache) for (const key of run.cache.reads.keys()) if (!seen.has(key)) run.cache.reads.delete(key);

  // Local files that published posts reference become hashed copies in media/, those of a passive type.
  const assets = new Map<string, MediaFile>();
  const assetUrl = new Map<string, string>();
  /** Referenced files not copied: why. */
  const refusedFiles = new Map<string, string>();
  const missing = new Map<PostRecord, string[]>();
  const refused = new Map<PostRecord, string[]>();
  const rewritten = new Map<PostRecord, PostRecord>();
  // (what only some sites use is counted here, where each record is at hand: a pass of its own over
  // 10,000 posts costs the dev server's every rerun ~4 ms)
  let pinnedCount = 0;
  let aliased = false;
  const withAssets = records.map((r) => {
    if (r.pinned && !r.excluded) pinnedCount++;
    if (r.aliases && !r.excluded) aliased = true;
    if (r.excluded || r.localRefs.length === 0) return r;
    let body = r.body;
    const rewrites: [string, string][] = [];
    for (const ref of r.localRefs) {
      const target = resolveRef(r.path, ref);
      const file = target === undefined ? undefined : others.get(target);
      if (!file) {
        if (!missing.has(r)) missing.set(r, []);
        missing.get(r)!.push(ref);
        continue;
      }
      let url = assetUrl.get(file.path);
      if (!url && !refusedFiles.has(file.path)) {
        const ext = path.posix.extname(file.path);
        const copy = mediaCopy(file.abs, ext.toLowerCase());
        if (!(copy instanceof Uint8Array) && 'refused' in copy) refusedFiles.set(file.path, copy.refused);
        else {
          const name = mediaFile(
            // (within 100 bytes: with its hash and extension the name stays far from a disk's 255)
            cutToBytes(path.posix.basename(file.path, ext).replace(/[^\p{L}\p{N}_-]+/gu, '-'), 100),
            contentHash(copy instanceof Uint8Array ? copy : fs.readFileSync(copy.copy)),
            ext.toLowerCase(),
          );
          assets.set(name, copy);
          assetUrl.set(file.path, (url = base + name));
        }
      }
      if (!url) {
        if (!refused.has(r)) refused.set(r, []);
        refused.get(r)!.push(ref);
        continue;
      }
      body = replaceRef(body, ref, url);
      rewrites.push([ref, url]);
    }
    if (rewrites.length === 0) return r;
    const coverRef = r.cover && resolveRef(r.path, r.cover.src);
    const coverUrl = coverRef === undefined ? undefined : assetUrl.get(coverRef);
    const copy = { ...r, body, cover: coverUrl ? { ...r.cover!, src: coverUrl } : r.cover };
    if (r.bodySource) copy.bodySource = { ...r.bodySource, rewrites };
    rewritten.set(r, copy);
    return copy;
  });

  const orderIssues: ContentIssue[] = [];
  const twins = findDuplicates(orderPosts(withAssets, orderIssues, run.cache?.ordered));
  orderIssues.push(...twins.issues);
  const { tag, category, author } = urls;
  const posts = assignRoutes(
    twins.posts,
    permalink,
    orderIssues,
    new Set([...RESERVED_TOP, tag, category, author]),
  );
  const allPinned = pinnedCount > 0 ? posts.filter((p) => p.pinned && !p.unlisted) : [];
  const pinned = pinnedPosts(allPinned);
  orderIssues.push(...pinnedOverflow(allPinned, pinned));
  const orderIssuesByFile = new Map<string, ContentIssue[]>();
  for (const i of orderIssues) orderIssuesByFile.set(i.file, [...(orderIssuesByFile.get(i.file) ?? []), i]);
  // Each record's post: the dev server's order memo knows it; else by path.
  const bySource = run.cache ? undefined : new Map(posts.map((p) => [p.path, p]));
  const postOf = (r: PostRecord) =>
    bySource ? bySource.get(r.path) : run.cache!.ordered.posts.get(rewritten.get(r) ?? r);
  for (const r of records) {
    const p = postOf(r);
    const refs = missing.get(r);
    const notCopied = refused.get(r);
    const orderIssues = orderIssuesByFile.get(r.path);
    const kept = run.cache?.entries.get(r);
    if (kept && kept.post === p && !refs && !notCopied && !orderIssues) {
      reportFiles.push(kept.entry);
      continue;
    }
    const issues = issuesOf(r.issues);
    if (refs)
      issues.push({
        severity: 'warning',
        line: undefined,
        field: undefined,
        message: `${refs.length} local file(s) referenced but not in the content folder: ${refs.slice(0, 3).join(', ')}${refs.length > 3 ? ', …' : ''}`,
      });
    for (const ref of notCopied ?? [])
      issues.push({
        severity: 'warning',
        line: undefined,
        field: undefined,
        message: `not copied, so its link leads nowhere: ${ref} (${refusedFiles.get(resolveRef(r.path, ref)!)})`,
      });
    issues.push(...issuesOf(orderIssues ?? []));
    const entry: ReportFile = {
      path: r.path,
      status: p ? 'published' : 'excluded',
      reason: r.excluded,
      ...(p && r.unlisted && r.removed === undefined ? { unlisted: true as const } : {}),
      ...(p && r.removed !== undefined ? { removed: r.removed } : {}),
      slug: p?.slug,
      title: r.title,
      date: r.date?.text,
      updated: r.updated?.text,
      author: r.authors,
      tags: r.tags,
      categories: r.categories,
      issues,
    };
    if (!refs && !notCopied && !orderIssues) run.cache?.entries.set(r, { post: p, entry });
    reportFiles.push(entry);
  }
  // Pages clash like posts (in the order of their paths): the later gets `-2` and a warning.
  const pageIssues: ContentIssue[] = [];
  const byPath = pages
    .map((pg, i) => ({ slugBase: pg.page.slug, path: pg.path, i }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const [{ i }, slug] of assignSlugs(byPath, pageIssues, 'page')) {
    const pg = pages[i]!;
    if (slug !== pg.page.slug) pages[i] = { ...pg, page: { ...pg.page, slug } };
  }
  for (const pg of pages)
    reportFiles.push({
      path: pg.path,
      status: 'published',
      slug: pg.page.slug,
      title: pg.page.title,
      issues: issuesOf([...pg.issues, ...pageIssues.filter((i) => i.file === pg.path)]),
    });
  const used = new Set([...assetUrl.keys()]);
  for (const [rel] of others)
    reportFiles.push(
      used.has(rel)
        ? { path: rel, status: 'asset', issues: [] }
        : {
            path: rel,
            status: 'skipped',
            reason: refusedFiles.has(rel)
              ? `not copied: ${refusedFiles.get(rel)!}`
              : `not a post (${path.posix.extname(rel) || 'no extension'}) and no post references it`,
            issues: [],
          },
    );
  // (the report says what each post wrote; the site, the name each facet goes by)
  const renamed = canonicalNames(posts, tagRules);
  const report = makeReport(reportFiles, { hidden: renamed.hidden, synonyms: renamed.synonyms });
  // old addresses: redirect pages to the site's pages, never over one (the check says the same)
  const moved =
    Object.keys(aliases).length > 0 || aliased
      ? redirects(renamed.posts, aliases, siteRoutes(renamed.posts, pages, urls))
      : NO_REDIRECTS;
  if (moved.pages.size + moved.copies.size + moved.refused.length > 0)
    report.aliases = { pages: moved.pages.size, copies: moved.copies.size, refused: moved.refused };
  // (the pinned as renamed)
  const leading = pinned.length === 0 ? [] : pinned.map((p) => renamed.posts[p.ordinal]!);
  return { posts: renamed.posts, pages, assets, report, redirects: moved, pinned: leading };
}

const NO_REDIRECTS: Redirects = { pages: new Map(), copies: new Map(), refused: [] };

/**
 * What the site has at a route, as an alias must not write over (without emitting it): every post's
 * and page's route, and anything in the site's own folders or its lists' (tags/…, archive/…); with
 * each route's title, for a redirect page leading there.
 */
function siteRoutes(
  posts: OrderedPost[],
  pages: PageRecord[],
  urls: UrlScheme,
): { has: (route: string) => boolean; title: (route: string) => string | undefined } {
  const titles = new Map<string, string>();
  for (const p of posts) titles.set(postRoute(p), p.title);
  for (const pg of pages) titles.set(routes.page(pg.page.slug), pg.page.title);
  const own = new Set([...RESERVED_TOP, urls.tag, urls.category, urls.author]);
  const top = (route: string) => route.split('/', 1)[0]!;
  return {
    has: (route) => titles.has(route) || own.has(top(route)) || route === '' || route === 'index.html',
    title: (route) => titles.get(route) ?? (route === '' || own.has(top(route)) ? '' : undefined),
  };
}
