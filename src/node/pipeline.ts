// The whole row of steps: find files → read → front matter → normalise → analyse → order → emit.
// In: resolved options. Out: the data contract in memory, the assets to copy, and the report.
import fs from 'node:fs';
import path from 'node:path';
import type { SiteInfo } from '../shared/contract.ts';
import { assetFile } from '../shared/paths.ts';
import { contentHash, emitData, type EmittedData, type EmitMemo, emitMemo } from './emit-data.ts';
import { findFiles, restat, type FoundFile, type FoundFiles } from './find-files.ts';
import type { ContentIssue, StepIssue } from './issues.ts';
import type { NormaliseContext, PostRecord } from './normalise-post.ts';
import type { ResolvedOptions } from './options.ts';
import { orderPosts, type OrderedPost } from './order-posts.ts';
import { readPage, readPost, type PageRecord } from './read-post.ts';
import { makeReport, type Report, type ReportFile } from './report.ts';

export interface PipelineResult {
  posts: OrderedPost[];
  data: EmittedData;
  /** Output path of each copied asset → its absolute source path. */
  assets: Map<string, string>;
  report: Report;
}

type ReadResult = { post: PostRecord } | { page: PageRecord } | { binary: string };

/**
 * What the dev server keeps between runs, so that saving one post redoes the work for that post: each
 * file's result by path (valid while size and mtime hold), the last walk of the content folder (while
 * only files it knows change), each record's place in the order, and each post's list JSON.
 */
export interface PipelineCache {
  reads: Map<string, { size: number; mtimeMs: number; result: ReadResult }>;
  walk?: FoundFiles;
  ordered: WeakMap<PostRecord, OrderedPost>;
  emitted: EmitMemo;
}

export function pipelineCache(): PipelineCache {
  return { reads: new Map(), ordered: new WeakMap(), emitted: emitMemo() };
}

/** A watcher's news of a file in the content folder: a known file is taken again, else the walk. */
export function fileChanged(cache: PipelineCache, event: string, file: string): void {
  if (!(event === 'change' && cache.walk && restat(cache.walk, file))) cache.walk = undefined;
}

export interface PipelineRun {
  /** The base path (Vite's `base`), starting and ending with `/`. */
  base?: string;
  now?: number;
  cache?: PipelineCache;
  onProgress?: (done: number, total: number) => void;
}

function readOne(file: FoundFile, ctx: NormaliseContext): ReadResult {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file.abs);
  } catch (e) {
    return { binary: `could not be read: ${(e as Error).message}` };
  }
  if (file.role === 'page') {
    const page = readPage(file.path, bytes, ctx);
    return 'binary' in page ? page : { page };
  }
  const post = readPost(file.path, bytes, { ...ctx, inDrafts: file.role === 'draft' });
  return 'binary' in post ? post : { post };
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

function replaceRef(body: string, ref: string, url: string): string {
  return body
    .split(`](${ref}`)
    .join(`](${url}`)
    .split(`="${ref}"`)
    .join(`="${url}"`)
    .split(`='${ref}'`)
    .join(`='${url}'`);
}

const issuesOf = (list: StepIssue[]) =>
  list.map(({ severity, line, field, message }) => ({ severity, line, field, message }));

export function runPipeline(options: ResolvedOptions, run: PipelineRun = {}): PipelineResult {
  const base = run.base ?? '/';
  const ctx: NormaliseContext = {
    timeZone: options.timeZone,
    drafts: options.drafts,
    future: options.future,
    inDrafts: false,
    now: run.now ?? Date.now(),
  };
  const walk = run.cache?.walk ?? findFiles(options.contentDir);
  if (run.cache) run.cache.walk = walk;
  const { files, notFollowed } = walk;
  const reportFiles: ReportFile[] = notFollowed.map((n) => ({
    path: n.path,
    status: 'skipped',
    reason: n.reason,
    issues: [],
  }));
  const records: PostRecord[] = [];
  const pages: PageRecord[] = [];
  const others = new Map<string, FoundFile>();
  const seen = new Set<string>();
  let done = 0;
  for (const file of files) {
    if (run.onProgress && ++done % 5000 === 0) run.onProgress(done, files.length);
    if (file.role === 'other') {
      others.set(file.path, file);
      continue;
    }
    seen.add(file.path);
    const cached = run.cache?.reads.get(file.path);
    let result: ReadResult;
    if (cached && cached.size === file.size && cached.mtimeMs === file.mtimeMs) result = cached.result;
    else {
      result = readOne(file, ctx);
      run.cache?.reads.set(file.path, { size: file.size, mtimeMs: file.mtimeMs, result });
    }
    if ('binary' in result)
      reportFiles.push({ path: file.path, status: 'skipped', reason: result.binary, issues: [] });
    else if ('page' in result) pages.push(result.page);
    else records.push(result.post);
  }
  if (run.cache) for (const key of run.cache.reads.keys()) if (!seen.has(key)) run.cache.reads.delete(key);

  // Local files that published posts reference become hashed assets.
  const assets = new Map<string, string>();
  const assetUrl = new Map<string, string>();
  const missing = new Map<PostRecord, string[]>();
  const withAssets = records.map((r) => {
    if (r.excluded || r.localRefs.length === 0) return r;
    let body = r.body;
    for (const ref of r.localRefs) {
      const target = resolveRef(r.path, ref);
      const file = target === undefined ? undefined : others.get(target);
      if (!file) {
        if (!missing.has(r)) missing.set(r, []);
        missing.get(r)!.push(ref);
        continue;
      }
      let url = assetUrl.get(file.path);
      if (!url) {
        const ext = path.posix.extname(file.path);
        const name = assetFile(
          path.posix.basename(file.path, ext).replace(/[^\p{L}\p{N}_-]+/gu, '-'),
          contentHash(fs.readFileSync(file.abs)),
          ext.toLowerCase(),
        );
        assets.set(name, file.abs);
        assetUrl.set(file.path, (url = base + name));
      }
      body = replaceRef(body, ref, url);
    }
    if (body === r.body) return r;
    const coverRef = r.cover && resolveRef(r.path, r.cover.src);
    const coverUrl = coverRef === undefined ? undefined : assetUrl.get(coverRef);
    return { ...r, body, cover: coverUrl ? { ...r.cover!, src: coverUrl } : r.cover };
  });

  const orderIssues: ContentIssue[] = [];
  const posts = orderPosts(withAssets, orderIssues, run.cache?.ordered);
  const orderIssuesByFile = new Map<string, ContentIssue[]>();
  for (const i of orderIssues) orderIssuesByFile.set(i.file, [...(orderIssuesByFile.get(i.file) ?? []), i]);
  const site: SiteInfo = {
    title: options.title,
    description: options.description,
    lang: options.lang,
    timeZone: options.timeZone,
    siteUrl: options.siteUrl,
  };
  const data = emitData(
    posts,
    pages.map((p) => p.page),
    site,
    options.pageSize,
    run.cache?.emitted,
  );

  const bySource = new Map(posts.map((p) => [p.path, p]));
  for (const r of records) {
    const p = bySource.get(r.path);
    const issues = issuesOf(r.issues);
    const refs = missing.get(r);
    if (refs)
      issues.push({
        severity: 'warning',
        line: undefined,
        field: undefined,
        message: `${refs.length} local file(s) referenced but not in the content folder: ${refs.slice(0, 3).join(', ')}${refs.length > 3 ? ', …' : ''}`,
      });
    for (const i of orderIssuesByFile.get(r.path) ?? [])
      issues.push({ severity: i.severity, line: i.line, field: i.field, message: i.message });
    reportFiles.push({
      path: r.path,
      status: p ? 'published' : 'excluded',
      reason: r.excluded,
      slug: p?.slug,
      title: r.title,
      date: r.date?.text,
      updated: r.updated?.text,
      author: r.authors,
      tags: r.tags,
      categories: r.categories,
      issues,
    });
  }
  for (const pg of pages)
    reportFiles.push({
      path: pg.path,
      status: 'published',
      slug: pg.page.slug,
      title: pg.page.title,
      issues: issuesOf(pg.issues),
    });
  const used = new Set([...assetUrl.keys()]);
  for (const [rel] of others)
    reportFiles.push(
      used.has(rel)
        ? { path: rel, status: 'asset', issues: [] }
        : {
            path: rel,
            status: 'skipped',
            reason: `not a post (${path.posix.extname(rel) || 'no extension'}) and no post references it`,
            issues: [],
          },
    );
  return { posts, data, assets, report: makeReport(reportFiles) };
}
