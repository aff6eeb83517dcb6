// The pieces emitData makes a run of (data.ts): each post's summary and route, the listing
// shards, the facet, archive and home routes; and what is kept of them between the dev server's runs.
import type {
  ArchiveIndex,
  ArchivePeriod,
  FacetKind,
  ListPage,
  Manifest,
  PageData,
  PostData,
  PostSummary,
  RouteData,
} from '../../shared/contract.ts';
import {
  dataFile,
  DIRECTORY_CHUNK,
  NOT_FOUND_NEWEST,
  postRoute,
  routes,
  TOGETHER,
  type DataKind,
} from '../../shared/paths.ts';
import { contentHash } from '../hash.ts';
import { localYearMonth } from '../read/parse-date.ts';
import { keyCache, type FacetLayout } from './facets.ts';
import type { OrderedPost } from '../collect/order-posts.ts';

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
  if (p.route) s.route = p.route;
  if (p.date) s.date = p.date.text;
  if (p.updated) s.updated = p.updated.text;
  if (p.cover) s.cover = p.cover;
  return s;
}

function toPostData(p: OrderedPost, summary: PostSummary): PostData {
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
  };
  if (summary.route) d.route = summary.route;
  if (summary.date) d.date = summary.date;
  if (summary.updated) d.updated = summary.updated;
  if (summary.cover) d.cover = summary.cover;
  if (p.sourceUrl) d.sourceUrl = p.sourceUrl;
  if (p.lang) d.lang = p.lang;
  if (p.duplicates) d.duplicates = p.duplicates;
  if (p.unlisted) d.unlisted = true;
  if (p.editUrl) d.editUrl = p.editUrl;
  if (p.reportUrl) d.reportUrl = p.reportUrl;
  if (p.removed !== undefined) d.removed = p.removed;
  return d;
}

/** What is worked out once per post: its summary and JSON, local year and month, its route's data. */
export interface Known {
  summary: PostSummary;
  json: string;
  month?: [number, number];
  route?: RouteData;
}

/**
 * What emitData keeps between the dev server's runs. Posts are known by identity (orderPosts's memo):
 * an unchanged post is last run's object. While every post keeps its place, date, tags, categories
 * and authors (a saved post's text, title or excerpt changed), the last run is patched: only the
 * saved posts' routes, the lists that show them and the listing shards are made again.
 */
/** What the data stage makes of a run (data.ts). */
export interface EmittedData {
  /** Hashed data files: path relative to the output folder → JSON text. */
  files: Map<string, string>;
  /** Every tag, category and author with its posts' ordinals (newest first), for feeds. */
  facets: { kind: FacetKind; name: string; ordinals: number[] }[];
  /** Route path → its first-screen data. */
  routes: Map<string, RouteData>;
  manifest: Manifest;
}

export interface EmitMemo {
  posts: WeakMap<OrderedPost, Known>;
  keys: Map<string, string>;
  /** Each listing shard as last written: a shard of the same posts naming the same next one is too. */
  shards: { posts: OrderedPost[]; next: string | undefined; name: string; text: string }[];
  /** The facets as last laid out, and the posts they came from. */
  facets?: { posts: OrderedPost[]; layout: FacetLayout };
  last?: {
    posts: OrderedPost[];
    /** How many unlisted posts the run had (a run with any is made whole, not patched). */
    unlisted: number;
    pages: PageData[];
    settings: string;
    summaries: PostSummary[];
    summaryJson: string[];
    archive: ArchiveIndex;
    data: EmittedData;
  };
}

export const emitMemo = (): EmitMemo => ({ posts: new WeakMap(), keys: new Map(), shards: [] });

/** The pieces of one run: its files and routes as they are made, and the posts' summaries. */
export class Run {
  readonly keyOf: (name: string) => string;
  constructor(
    readonly posts: OrderedPost[],
    readonly pageSize: number,
    readonly memo: EmitMemo,
    readonly files: Map<string, string>,
    readonly routeData: Map<string, RouteData>,
    readonly summaries: PostSummary[],
    readonly summaryJson: string[],
  ) {
    this.keyOf = keyCache(memo.keys);
  }

  known(p: OrderedPost): Known {
    let k = this.memo.posts.get(p);
    if (!k) {
      const summary = toSummary(p);
      this.memo.posts.set(p, (k = { summary, json: JSON.stringify(summary) }));
    }
    return k;
  }

  putText(kind: DataKind, text: string): string {
    const name = dataFile(kind, contentHash(text));
    this.files.set(name, text);
    return name;
  }

  /**
   * Listing shards, written last to first so each can name the next (a shard of the same posts naming
   * the same next one is last run's); then the directory of shards. Shards no longer named are dropped.
   */
  shards(): { names: string[]; directory: string } {
    const { posts, pageSize, memo, files, summaryJson } = this;
    const names: string[] = [];
    let next: string | undefined;
    for (
      let start = Math.floor(Math.max(posts.length - 1, 0) / pageSize) * pageSize;
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
      } else {
        if (last) files.delete(last.name);
        // JSON.stringify of a ListShard, of the posts' JSON as made once.
        const text = `{"start":${start},"posts":[${summaryJson.slice(start, start + pageSize).join(',')}]${
          next ? `,"next":${JSON.stringify(next)}` : ''
        }}`;
        memo.shards[index] = { posts: shardPosts, next, name: this.putText('list', text), text };
      }
      next = names[index] = memo.shards[index]!.name;
    }
    memo.shards.length = names.length;
    const chunks: string[] = [];
    for (let i = 0; i < names.length; i += DIRECTORY_CHUNK)
      chunks.push(this.putText('dir', JSON.stringify(names.slice(i, i + DIRECTORY_CHUNK))));
    return { names, directory: this.putText('dir', JSON.stringify(chunks)) };
  }

  /**
   * A list's routes, one per page of `pageSize` posts (the first at `route`, then `page/2/`…): each
   * holds its page's posts as cards in its HTML, so a reader or crawler without JavaScript reaches them.
   */
  private pagedRoutes(route: string, total: number, make: (list: ListPage, start: number) => RouteData) {
    const pages = Math.max(1, Math.ceil(total / this.pageSize));
    for (let page = 1; page <= pages; page++) {
      const start = (page - 1) * this.pageSize;
      const data = make({ total, posts: [] }, start);
      if (pages > 1) Object.assign(data, { pages, ...(page > 1 ? { page } : {}) });
      this.routeData.set(routes.listPage(route, page), data);
    }
  }

  facetRoute(layout: FacetLayout, k: number, i: number): void {
    const [kind, facets] = layout.kinds[k]!;
    const f = facets[i]!;
    const postings = layout.refs[k]![i]!;
    this.pagedRoutes(routes.facet(kind, f.name), f.ordinals.length, (list, start) => ({
      kind: 'facet',
      facet: kind,
      name: f.name,
      list: { ...list, posts: f.ordinals.slice(start, start + this.pageSize).map((o) => this.summaries[o]!) },
      postings,
      ...(kind === 'tag' && { together: layout.coTags[i]!.slice(0, TOGETHER) }),
    }));
  }

  /** A post's route data (its tags' posts are looked up by the app in the facet references). */
  postRoute(p: OrderedPost): void {
    const k = this.known(p);
    k.route ??= { kind: 'post', post: toPostData(p, k.summary) };
    this.routeData.set(postRoute(p), k.route);
  }

  /** The archive by year and month (in the site's time zone). */
  archiveIndex(timeZone: string): ArchiveIndex {
    const archive: ArchiveIndex = { years: [], undated: 0 };
    for (const p of this.posts) {
      if (!p.date) {
        archive.undated++;
        continue;
      }
      const [year, month] = (this.known(p).month ??= localYearMonth(p.date.ms, timeZone));
      let y = archive.years.at(-1);
      if (!y || y.year !== year) archive.years.push((y = { year, count: 0, start: p.ordinal, months: [] }));
      let m = y.months.at(-1);
      if (!m || m.month !== month) y.months.push((m = { month, count: 0, start: p.ordinal }));
      y.count++;
      m.count++;
    }
    return archive;
  }

  /**
   * The archive's routes; with `changed`, only the lists that hold a changed post. A month's list is
   * paged; the archive's own page and a year's hold their first posts and link to their months (their
   * later pages would be the home list's and the months' again: ~1,000 more files at 10k posts).
   */
  archiveRoutes(archive: ArchiveIndex, changed?: number[]): void {
    const holds = (start: number, count: number) =>
      !changed || changed.some((o) => o >= start && o < start + count);
    const list = (
      route: string,
      start: number,
      count: number,
      data: Partial<RouteData & { kind: 'archive' }>,
    ) => {
      if (!holds(start, data.month === undefined ? Math.min(count, this.pageSize) : count)) return;
      const make = (page: ListPage, from: number): RouteData => ({
        kind: 'archive',
        ...data,
        start,
        list: {
          ...page,
          posts: this.summaries.slice(start + from, start + Math.min(count, from + this.pageSize)),
        },
      });
      if (data.month === undefined) this.routeData.set(route, make({ total: count, posts: [] }, 0));
      else this.pagedRoutes(route, count, make);
    };
    list(routes.archive(), 0, this.posts.length, { years: archive.years });
    // (newest first: the one before is newer, the one after older)
    const months = archive.years.flatMap((y) => y.months.map((m) => ({ year: y.year, month: m.month })));
    const around = (newer?: ArchivePeriod, older?: ArchivePeriod) => ({
      ...(newer ? { newer } : {}),
      ...(older ? { older } : {}),
    });
    const year = (j: number) => (archive.years[j] ? { year: archive.years[j].year } : undefined);
    let at = 0;
    archive.years.forEach((y, i) => {
      list(routes.archive(y.year), y.start, y.count, {
        year: y.year,
        years: [y],
        ...around(year(i - 1), year(i + 1)),
      });
      for (const m of y.months) {
        list(routes.archive(y.year, m.month), m.start, m.count, {
          year: y.year,
          month: m.month,
          ...around(months[at - 1], months[at + 1]),
        });
        at++;
      }
    });
  }

  /** The home list's route, and a route for each of its pages after the first (`page/2/`…). */
  home(shardNames: string[], pinned: OrderedPost[] = []): void {
    const total = this.posts.length;
    this.pagedRoutes(routes.home(), total, (list, start) => ({
      kind: 'home',
      list: { ...list, posts: this.summaries.slice(start, start + this.pageSize) },
    }));
    const home = this.routeData.get(routes.home())!;
    if (home.kind === 'home') {
      home.pages ??= 1;
      if (shardNames[1]) home.next = shardNames[1];
      if (pinned.length > 0) home.pinned = pinned.map((p) => this.summaries[p.ordinal]!);
    }
  }
}

/** The route data of a page the site does not have: the newest posts to go on reading from. */
export function notFoundRoute(data: EmittedData): RouteData {
  const home = data.routes.get(routes.home());
  const newest = home?.kind === 'home' ? home.list.posts.slice(0, NOT_FOUND_NEWEST) : [];
  return newest.length > 0 ? { kind: 'notFound', newest } : { kind: 'notFound' };
}
