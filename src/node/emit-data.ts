// Ordered posts → the data contract. In: published posts in order, pages, site settings. Out: hashed
// data files (name → JSON text), every route's first-screen data, and the manifest.
import { createHash } from 'node:crypto';
import type {
  ArchiveIndex,
  FacetCount,
  FacetKind,
  Manifest,
  PageData,
  PostData,
  PostSummary,
  PostingsRef,
  RouteData,
  SiteInfo,
} from '../shared/contract.ts';
import { facetKey } from '../shared/facets.ts';
import {
  dataFile,
  DIRECTORY_CHUNK,
  POSTINGS_CHUNK,
  routes,
  TOP_TAGS,
  type DataKind,
} from '../shared/paths.ts';
import type { OrderedPost } from './order-posts.ts';

export interface EmittedData {
  /** Hashed data files: path relative to the output folder → JSON text. */
  files: Map<string, string>;
  /** Every tag, category and author with its posts' ordinals (newest first), for feeds. */
  facets: { kind: FacetKind; name: string; ordinals: number[] }[];
  /** Route path → its first-screen data. */
  routes: Map<string, RouteData>;
  manifest: Manifest;
}

export function contentHash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');
}

function toSummary(p: OrderedPost): PostSummary {
  const s: PostSummary = {
    ordinal: p.ordinal,
    slug: p.slug,
    title: p.title,
    authors: p.authors,
    tags: p.tags,
    categories: p.categories,
    excerpt: p.excerpt,
    readingMinutes: p.readingMinutes,
    wordCount: p.wordCount,
    imageCount: p.imageCount,
  };
  if (p.date) s.date = p.date.text;
  if (p.updated) s.updated = p.updated.text;
  if (p.cover) s.cover = p.cover;
  return s;
}

function toPostData(p: OrderedPost, summary: PostSummary, tagPostings: PostingsRef[]): PostData {
  // Field by field, not `...summary`: a spread per post was a sixth of emitData at 10k posts.
  const d: PostData = {
    ordinal: summary.ordinal,
    slug: summary.slug,
    title: summary.title,
    authors: summary.authors,
    tags: summary.tags,
    categories: summary.categories,
    excerpt: summary.excerpt,
    readingMinutes: summary.readingMinutes,
    wordCount: summary.wordCount,
    imageCount: summary.imageCount,
    headings: p.headings,
    rawHtml: p.rawHtml,
    body: p.body,
    tagPostings,
  };
  if (summary.date) d.date = summary.date;
  if (summary.updated) d.updated = summary.updated;
  if (summary.cover) d.cover = summary.cover;
  if (p.sourceUrl) d.sourceUrl = p.sourceUrl;
  return d;
}

/**
 * What emitData works out once per post (its summary and JSON, local year and month) and per facet
 * name (its key), kept by the dev server between runs; posts are known by identity (orderPosts's memo).
 */
export interface EmitMemo {
  posts: WeakMap<OrderedPost, { summary: PostSummary; json: string; month?: [number, number] }>;
  keys: Map<string, string>;
  /** Each listing shard as last written: a shard of the same posts naming the same next one is too. */
  shards: { posts: OrderedPost[]; next: string | undefined; name: string; text: string }[];
}

export const emitMemo = (): EmitMemo => ({ posts: new WeakMap(), keys: new Map(), shards: [] });

interface Facet {
  name: string;
  ordinals: number[];
}

/** facetKey, remembered: 10k posts name their 3,000 tags 50,000 times. */
function keyCache(keys: Map<string, string>): (name: string) => string {
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = facetKey(name)));
    return key;
  };
}

function collectFacets(
  posts: OrderedPost[],
  pick: (p: OrderedPost) => string[],
  keyOf: (name: string) => string,
): Facet[] {
  const byKey = new Map<string, Facet>();
  for (const p of posts) {
    for (const name of pick(p)) {
      const key = keyOf(name);
      let f = byKey.get(key);
      if (!f) byKey.set(key, (f = { name, ordinals: [] }));
      f.name = name; // posts come newest first: the oldest post's form wins, so new posts rename nothing
      f.ordinals.push(p.ordinal);
    }
  }
  return [...byKey.values()].sort(
    (a, b) => b.ordinals.length - a.ordinals.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** Local year and month of each post's instant in the site's time zone. */
function yearMonth(timeZone: string) {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' });
  return (ms: number): [number, number] => {
    const parts = fmt.formatToParts(new Date(ms));
    return [
      Number(parts.find((p) => p.type === 'year')!.value),
      Number(parts.find((p) => p.type === 'month')!.value),
    ];
  };
}

export function emitData(
  posts: OrderedPost[],
  pages: PageData[],
  site: SiteInfo,
  pageSize: number,
  memo: EmitMemo = emitMemo(),
): EmittedData {
  const files = new Map<string, string>();
  const routeData = new Map<string, RouteData>();
  const putText = (kind: DataKind, text: string): string => {
    const name = dataFile(kind, contentHash(text));
    files.set(name, text);
    return name;
  };
  const put = (kind: DataKind, value: unknown): string => putText(kind, JSON.stringify(value));
  const summaries: PostSummary[] = [];
  const summaryJson: string[] = [];
  const known = posts.map((p) => {
    let k = memo.posts.get(p);
    if (!k) {
      const summary = toSummary(p);
      memo.posts.set(p, (k = { summary, json: JSON.stringify(summary) }));
    }
    summaries.push(k.summary);
    summaryJson.push(k.json);
    return k;
  });
  const firstPage = (ordinals: number[]) => ({
    total: ordinals.length,
    posts: ordinals.slice(0, pageSize).map((o) => summaries[o]!),
  });

  // Listing shards, written last to first so each can name the next; then the directory of shards.
  const shardNames: string[] = [];
  let next: string | undefined;
  for (
    let start = Math.floor(Math.max(summaries.length - 1, 0) / pageSize) * pageSize;
    start >= 0;
    start -= pageSize
  ) {
    const index = start / pageSize;
    const shardPosts = posts.slice(start, start + pageSize);
    const last = memo.shards[index];
    if (
      last !== undefined &&
      last.next === next &&
      last.posts.length === shardPosts.length &&
      last.posts.every((p, i) => p === shardPosts[i])
    ) {
      files.set(last.name, last.text);
      next = last.name;
    } else {
      // JSON.stringify of a ListShard, of the posts' JSON as made once.
      const text = `{"start":${start},"posts":[${summaryJson.slice(start, start + pageSize).join(',')}]${
        next ? `,"next":${JSON.stringify(next)}` : ''
      }}`;
      const name = putText('list', text);
      memo.shards[index] = { posts: shardPosts, next, name, text };
      next = name;
    }
    shardNames[index] = next;
  }
  const directory: string[] = [];
  for (let i = 0; i < shardNames.length; i += DIRECTORY_CHUNK)
    directory.push(put('dir', shardNames.slice(i, i + DIRECTORY_CHUNK)));

  // Facets: ordinals of all kinds in one stream, cut into postings chunks.
  const keyOf = keyCache(memo.keys);
  const kinds: [FacetKind, Facet[]][] = [
    ['tag', collectFacets(posts, (p) => p.tags, keyOf)],
    ['category', collectFacets(posts, (p) => p.categories, keyOf)],
    ['author', collectFacets(posts, (p) => p.authors, keyOf)],
  ];
  const stream: number[] = [];
  const spans: [number, number][] = [];
  for (const [, facets] of kinds)
    for (const f of facets) {
      spans.push([stream.length, f.ordinals.length]);
      for (const o of f.ordinals) stream.push(o);
    }
  const chunkNames: string[] = [];
  for (let i = 0; i < stream.length; i += POSTINGS_CHUNK)
    chunkNames.push(put('postings', stream.slice(i, i + POSTINGS_CHUNK)));
  let span = 0;
  const counts = {} as Record<FacetKind, FacetCount[]>;
  const tagRefs = new Map<string, PostingsRef>();
  for (const [kind, facets] of kinds) {
    counts[kind] = facets.map((f) => ({ name: f.name, count: f.ordinals.length }));
    for (const f of facets) {
      const [at, count] = spans[span++]!;
      const first = Math.floor(at / POSTINGS_CHUNK);
      const last = Math.floor((at + count - 1) / POSTINGS_CHUNK);
      const postings: PostingsRef = {
        chunks: chunkNames.slice(first, last + 1),
        offset: at - first * POSTINGS_CHUNK,
        count,
      };
      if (kind === 'tag') tagRefs.set(keyOf(f.name), postings);
      routeData.set(routes.facet(kind, f.name), {
        kind: 'facet',
        facet: kind,
        name: f.name,
        list: firstPage(f.ordinals),
        postings,
      });
    }
  }

  // Archive: posts are newest first, so each year and month is one run of ordinals.
  const archive: ArchiveIndex = { years: [], undated: 0 };
  const local = yearMonth(site.timeZone);
  for (const p of posts) {
    if (!p.date) {
      archive.undated++;
      continue;
    }
    const [year, month] = (known[p.ordinal]!.month ??= local(p.date.ms));
    let y = archive.years.at(-1);
    if (!y || y.year !== year) archive.years.push((y = { year, count: 0, start: p.ordinal, months: [] }));
    let m = y.months.at(-1);
    if (!m || m.month !== month) y.months.push((m = { month, count: 0, start: p.ordinal }));
    y.count++;
    m.count++;
  }
  const range = (start: number, count: number) => Array.from({ length: count }, (_, i) => start + i);
  routeData.set(routes.archive(), { kind: 'archive', start: 0, list: firstPage(range(0, posts.length)) });
  for (const y of archive.years) {
    routeData.set(routes.archive(y.year), {
      kind: 'archive',
      year: y.year,
      start: y.start,
      list: firstPage(range(y.start, y.count)),
    });
    for (const m of y.months)
      routeData.set(routes.archive(y.year, m.month), {
        kind: 'archive',
        year: y.year,
        month: m.month,
        start: m.start,
        list: firstPage(range(m.start, m.count)),
      });
  }

  const manifest: Manifest = {
    schema: 1,
    site,
    posts: posts.length,
    pageSize,
    directory,
    files: {
      tagsTop: put('tags-top', counts.tag.slice(0, TOP_TAGS)),
      tags: put('tags', counts.tag),
      categories: put('categories', counts.category),
      authors: put('authors', counts.author),
      archive: put('archive', archive),
    },
    pages: pages.map((p) => ({ slug: p.slug, title: p.title })),
  };
  const home: RouteData = {
    kind: 'home',
    list: { total: posts.length, posts: summaries.slice(0, pageSize) },
  };
  if (shardNames[1]) home.next = shardNames[1];
  routeData.set(routes.home(), home);
  routeData.set(routes.tags(), { kind: 'tags' });
  for (const p of posts)
    routeData.set(routes.post(p.slug), {
      kind: 'post',
      post: toPostData(
        p,
        summaries[p.ordinal]!,
        p.tags.map((tag) => tagRefs.get(keyOf(tag))!),
      ),
    });
  for (const page of pages) routeData.set(routes.page(page.slug), { kind: 'page', page });
  const facets = kinds.flatMap(([kind, list]) =>
    list.map((f) => ({ kind, name: f.name, ordinals: f.ordinals })),
  );
  return { files, facets, routes: routeData, manifest };
}
