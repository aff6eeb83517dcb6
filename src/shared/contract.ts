// The data contract: every shape that crosses from the build (src/node) to the reader (src/client).
// File names and URLs for these shapes live in ./paths.ts.

/** An image found in a post. */
export interface ImageRef {
  /** The address as written in the post (after local assets are rewritten to their hashed copy). */
  src: string;
  /** For images.weserv.nl proxies, the decoded address of the original image. */
  original?: string;
  /** The alt text as written; may be empty. */
  alt: string;
}

/** A heading of depth 2 or 3, for the table of contents. */
export interface Heading {
  /** 2 or 3, from the Markdown heading level. */
  depth: number;
  /** Plain text of the heading. */
  text: string;
  /** Anchor id, from github-slugger over all headings in document order (as rehype-slug does). */
  id: string;
}

/** What a list card shows of a post. */
export interface PostSummary {
  /** Position in the newest-first order of all published posts (0 = newest), from order-posts. */
  ordinal: number;
  /** Unique URL slug: front matter `slug`, else the file name without date and extension. */
  slug: string;
  /** The post's route where the permalink option puts it elsewhere than `posts/<slug>/` (postRoute). */
  route?: string;
  /** Front matter `title`, else the first heading, else the file name. */
  title: string;
  /** Publication date as written, normalised to YYYY-MM-DDTHH:MM:SS[.fraction]±HH:MM; absent when undated. */
  date?: string;
  /** Last modification (`Lastmod`, `last_modified_at`, `modified`, `updated`), same format as `date`. */
  updated?: string;
  /** Authors from `author`/`authors`; empty when none. */
  authors: string[];
  /** Tags in their first written form, de-duplicated by NFKC + lower case. */
  tags: string[];
  /** Categories in their first written form, kept apart from tags. */
  categories: string[];
  /** Front matter excerpt/description/summary, else the text before `<!--more-->`, else ~120 characters. */
  excerpt: string;
  /** The first image that is not a `data:` URL. */
  cover?: ImageRef;
  /** Minutes to read: Han, kana and hangul at 400 a minute, other words at 200, at least 1. */
  readingMinutes: number;
  /** Han, kana and hangul characters plus other words. */
  wordCount: number;
  /** Number of images (Markdown and HTML) in the body. */
  imageCount: number;
}

/** A whole post, as its article page needs it. */
export interface PostData extends PostSummary {
  /** Headings of depth 2 and 3. */
  headings: Heading[];
  /** True when the body holds raw HTML (sanitised at build time, its ids prefixed `user-content-`). */
  rawHtml: boolean;
  /**
   * The Markdown body, front matter removed, local asset references rewritten. Empty in an entry
   * page's inline data: the page holds the article as HTML (`html`).
   */
  body: string;
  /**
   * The article's HTML, rendered at build time: read by the app from a fetched entry page's `.prose`
   * (the page the app started on keeps its article's nodes instead).
   */
  html?: string;
  /** The original address when the front matter names one (`source`, `original`, `link`, `url`). */
  sourceUrl?: string;
  /** The post's own language (front matter `lang`) where it says one; else the site's. */
  lang?: string;
  /** Ordinals of posts with the same title and text (a mirror's copies): never its related posts. */
  duplicates?: number[];
  /** Out of every list, feed, the sitemap and search (`unlisted: true`): its ordinal is past the lists'. */
  unlisted?: true;
  /** Where to edit the post's file, and to report it (the editLink and reportLink options). */
  editUrl?: string;
  reportUrl?: string;
  /** Taken down, with the operator's reason ('' for none): a notice in place of the article, no body. */
  removed?: string;
}

/** A standalone page from content/pages/. */
export interface PageData {
  /** URL slug, from the file name. */
  slug: string;
  /** Front matter title, else first heading, else file name. */
  title: string;
  /** The Markdown body. */
  body: string;
  /** True when the body holds raw HTML. */
  rawHtml: boolean;
}

/** Which family of lists a facet belongs to. */
export type FacetKind = 'tag' | 'category' | 'author';

/** One tag, category or author with its number of posts. */
export interface FacetCount {
  /** The form written in the oldest post carrying it (stable as posts are added). */
  name: string;
  /** Number of published posts carrying it. */
  count: number;
}

/**
 * Where a facet's ordinals are: the postings chunks it spans, concatenated, from `offset` for `count`.
 * Ordinals are ascending (newest first).
 */
export interface PostingsRef {
  /** Postings chunk files (paths relative to the base), in order. */
  chunks: string[];
  /** Index of the facet's first ordinal in the first chunk. */
  offset: number;
  /** Number of ordinals. */
  count: number;
}

/**
 * Where every tag's, category's and author's postings lie, by kind and key (facetKey), spread over
 * shard files by facetShard: the filter and the search's suggestions find a facet's posts from one
 * small shard instead of its entry page.
 */
export type FacetRefsShard = Partial<Record<FacetKind, Record<string, PostingsRef>>>;

/** A tag found with another, and the number of posts that carry both. */
export type CoTag = [name: string, count: number];

/**
 * The tags found most often with each tag (at most CO_TAGS, most posts first), by its key: the tag
 * filter's candidates to narrow by, counted over every post, not a screen of them. In shards beside the
 * references (coTagsFile), each tag in its references' shard.
 */
export type CoTagsShard = Record<string, CoTag[]>;

/** A page of posts: the first screen of any list. */
export interface ListPage {
  /** Total number of posts in the list. */
  total: number;
  /** The first `pageSize` posts of the list. */
  posts: PostSummary[];
}

/** A shard of the global newest-first list (file `data/list.<hash>.json`). */
export interface ListShard {
  /** Ordinal of the first post in the shard. */
  start: number;
  /** Summaries of posts start … start + shardSize − 1. */
  posts: PostSummary[];
  /** The next shard's file, absent on the last. */
  next?: string;
}

/** Archive counts (file `data/archive.<hash>.json`). */
/** A year of the archive: its posts, and its months (1–12), newest first. */
export interface ArchiveYear {
  year: number;
  count: number;
  start: number;
  months: { month: number; count: number; start: number }[];
}

export interface ArchiveIndex {
  /** Years, newest first, each with its months (1–12), newest first. */
  years: ArchiveYear[];
  /** Number of posts without a date (listed last). */
  undated: number;
}

/** Site-wide settings the reader needs. */
export interface SiteInfo {
  /** `title` option. */
  title: string;
  /** `description` option. */
  description: string;
  /** `lang` option: `zh-CN` or `en`. */
  lang: string;
  /** `timeZone` option, an IANA zone name. */
  timeZone: string;
  /** `siteUrl` option, absolute, without trailing slash; empty when unset. */
  siteUrl: string;
  /** The logo and icon: an https address, or the path of their copy under the base (`media/…`). */
  logo?: string;
  favicon?: string;
  /** Links after the header's own, and in the footer, with the footer's text (the options). */
  menu?: SiteLink[];
  footer?: string;
  footerLinks?: SiteLink[];
  /** The operator's folder and feed names, where they are not the defaults (paths.ts, UrlScheme). */
  urls?: Partial<UrlScheme>;
}

/** The operator's folder names for tag, category and author pages, and the RSS feeds' file name (paths.ts). */
export interface UrlScheme {
  tag: string;
  category: string;
  author: string;
  /** The RSS feed's file name, of the site and of each list. */
  feed: string;
}

/** A link of the menu or the footer: `https://…`, `mailto:…`, or a path on the site under the base. */
export interface SiteLink {
  label: string;
  url: string;
}

/** Where the search index lies: `data/search/<id>/<k>.bin` for each bucket k (paths.ts). */
export interface SearchInfo {
  /** Hash of everything the index holds (src/node/search/plan.ts): a new folder whenever an indexed text changes. */
  id: string;
  /** Number of bucket files; a term lies in bucket `bucketOf(term, buckets)` (search-terms.ts). */
  buckets: number;
}

/** Where the facet references lie: `data/refs/<id>/<k>.json` for each shard k (paths.ts). */
export interface FacetRefsInfo {
  /** Hash of every shard's text (src/node/emit/facets.ts): a new folder whenever a reference changes. */
  id: string;
  /** Number of shard files; a facet lies in shard `facetShard(kind, key, shards)` (facets.ts). */
  shards: number;
}

/** Small, constant-size facts about the build, inline in every entry page. */
export interface Manifest {
  /** Version of this contract. */
  schema: 1;
  /** Site settings. */
  site: SiteInfo;
  /** Number of published posts. */
  posts: number;
  /** Posts per listing shard and per first page. */
  pageSize: number;
  /**
   * The listing's directory: a file listing its chunk files, where chunk i lists the file names of
   * shards i*DIRECTORY_CHUNK …; one name whatever the archive's size (the manifest is in every page).
   */
  directory: string;
  /** Hashed index files. */
  files: { tagsTop: string; tags: string; categories: string; authors: string; archive: string };
  /** Standalone pages, for navigation. */
  pages: { slug: string; title: string }[];
  /** The search index, from the published posts. */
  search: SearchInfo;
  /** Each facet's postings reference, sharded. */
  facetRefs: FacetRefsInfo;
}

/** A year of the archive, or a month of it. */
export interface ArchivePeriod {
  year: number;
  month?: number;
}

/** The data one route needs, carried inline by its entry page. */
export type RouteData =
  /**
   * The home list, or (`page` from 2) one of its pages as real HTML (`page/2/`…): `list` holds that
   * page's posts and the list's total; `pages`, how many there are.
   */
  | {
      kind: 'home';
      list: ListPage;
      next?: string;
      page?: number;
      pages?: number;
      /** Pinned posts, leading the list's first page (at most PINNED_MAX): most pinned first, then newest. */
      pinned?: PostSummary[];
    }
  | { kind: 'post'; post: PostData }
  | { kind: 'page'; page: PageData }
  /**
   * A tag's, category's or author's list, or (`page` from 2) one of its pages (`tags/x/page/2/`…), as
   * the home list's are: `list` holds that page's posts and the list's total.
   */
  | {
      kind: 'facet';
      facet: FacetKind;
      name: string;
      list: ListPage;
      postings: PostingsRef;
      /** A tag's: the tags most often found with it, over all its posts. */
      together?: CoTag[];
      page?: number;
      pages?: number;
    }
  /**
   * The archive's list, a year's or a month's, paged as the others (`start`: the list's first ordinal);
   * the archive's own page and a year's carry their years and months (`years`), to link to; a year's
   * and a month's the year or month with posts just newer and just older than theirs.
   */
  | {
      kind: 'archive';
      year?: number;
      month?: number;
      start: number;
      list: ListPage;
      page?: number;
      pages?: number;
      years?: ArchiveYear[];
      newer?: ArchivePeriod;
      older?: ArchivePeriod;
    }
  /** The tag cloud: its most used tags, carried inline (the page is HTML without JavaScript too). */
  | { kind: 'tags'; top?: FacetCount[] }
  /** The search page: its results come from the query in its URL. */
  | { kind: 'search' }
  /**
   * A page the site does not have (404.html, or what the app makes of a fetch that found none): the
   * newest posts to offer, when the page that said so carried them.
   */
  | { kind: 'notFound'; newest?: PostSummary[] };

/** What an entry page carries in its `<script type="application/json" id="folio-data">`. */
export interface EntryData {
  /** The route path this page is for (so a host's fallback page is told apart from the real one). */
  path: string;
  /** Build-wide facts. */
  manifest: Manifest;
  /** This route's first-screen data. */
  route: RouteData;
}
