// Every output file name and URL of the data contract. Route paths are relative to the base path,
// never start with `/`, and end with `/` (the home route is ''). `routeFile` gives the entry page on disk.
import type { FacetKind, UrlScheme } from './contract.ts';
import { facetSlug } from './facets.ts';

/** Folder of hashed data files. */
export const DATA_DIR = 'data';
/** Folder of the app's code and styles (Vite's). */
export const ASSET_DIR = 'assets';
/** Where files that posts reference are copied: apart from the app's code, served sandboxed. */
export const MEDIA_DIR = 'media';
/** Number of shard file names in one directory chunk. */
export const DIRECTORY_CHUNK = 1024;
/** Number of ordinals in one postings chunk. */
export const POSTINGS_CHUNK = 8192;
/** Posts a missing page offers (404.html and the app's not-found view): the newest. */
export const NOT_FOUND_NEWEST = 5;

/**
 * The site's own top folders: no permalink, folder name or post's route may begin with one (nor with
 * the tag, category and author folders).
 */
export const RESERVED_TOP: ReadonlySet<string> = new Set([
  'p',
  'page',
  'archive',
  'search',
  'data',
  'assets',
  'media',
]);

/** Pinned posts the home page leads with, at most (more are named in the report). */
export const PINNED_MAX = 10;

/** Tags kept, per tag, as those most often found with it (CoTagsShard). */
export const CO_TAGS = 16;
/** Of those, the ones a tag's page carries and shows. */
export const TOGETHER = 10;
/** Number of tags in the tag cloud file. */
export const TOP_TAGS = 150;
/** Id of the inline JSON element that carries an entry page's data. */
export const ENTRY_DATA_ID = 'folio-data';

/** Kinds of hashed data files. */
export type DataKind =
  'list' | 'dir' | 'postings' | 'tags' | 'tags-top' | 'categories' | 'authors' | 'archive';

/** `data/<kind>.<hash>.json`. */
export function dataFile(kind: DataKind, hash: string): string {
  return `${DATA_DIR}/${kind}.${hash}.json`;
}

/** Bucket `k` of the search index `id`: `data/search/<id>/<k>.bin` (binary, src/node/search/index-builder.ts). */
export function searchFile(id: string, k: number): string {
  return `${DATA_DIR}/search/${id}/${k}.bin`;
}

/** Shard `k` of the facet references `id`: `data/refs/<id>/<k>.json` (src/node/emit/facets.ts). */
export function facetRefsFile(id: string, k: number): string {
  return `${DATA_DIR}/refs/${id}/${k}.json`;
}

/**
 * Shard `k` of the tags found together `id` (the references' id): `data/refs/<id>/with-<k>.json`, each
 * tag in its references' shard (facetShard).
 */
export function coTagsFile(id: string, k: number): string {
  return `${DATA_DIR}/refs/${id}/with-${k}.json`;
}

/** `media/<name>.<hash><ext>` for a file a post references. */
export function mediaFile(name: string, hash: string, ext: string): string {
  return `${MEDIA_DIR}/${name}.${hash}${ext}`;
}

const listPage = (route: string, n: number) => (n <= 1 ? route : `${route}page/${n}/`);

/**
 * The operator's names for the site's folders and feed (the options tagsBase, categoriesBase,
 * authorsBase and feedName; the manifest carries them). Set once for a build (the pipeline) and as the
 * app starts (lib/site.ts); every route below follows them.
 */
export type { UrlScheme };

export const DEFAULT_URLS: UrlScheme = {
  tag: 'tags',
  category: 'categories',
  author: 'authors',
  feed: 'feed.xml',
};

let urls: UrlScheme = DEFAULT_URLS;

/** Sets the scheme every route follows (what is not given, the default's). */
export function setUrlScheme(scheme: Partial<UrlScheme> = {}): void {
  urls = { ...DEFAULT_URLS, ...scheme };
}

/** The route of a post: its own (a permalink pattern's, set by the build), else `posts/<slug>/`. */
export const postRoute = (post: { slug: string; route?: string }): string =>
  post.route ?? routes.post(post.slug);

/** Route paths, unencoded (as folder names on disk). */
export const routes = {
  home: () => '',
  /** The home list's n-th page (the first is home itself): what a reader or crawler without JavaScript pages through. */
  homePage: (n: number) => listPage('', n),
  /** A list's n-th page (a tag's, an author's, the archive's…): the first is the list's own route. */
  listPage: (route: string, n: number) => listPage(route, n),
  /** The default route of a post (postRoute gives a post's own). */
  post: (slug: string) => `posts/${slug}/`,
  page: (slug: string) => `p/${slug}/`,
  tags: () => `${urls.tag}/`,
  search: () => 'search/',
  facet: (kind: FacetKind, name: string) => `${urls[kind]}/${facetSlug(name)}/`,
  archive: (year?: number, month?: number) =>
    year === undefined
      ? 'archive/'
      : month === undefined
        ? `archive/${year}/`
        : `archive/${year}/${String(month).padStart(2, '0')}/`,
} as const;

/** The entry page file of a route path. */
export function routeFile(route: string): string {
  return `${route}index.html`;
}

/** A route path as a URL path under `base` (which starts and ends with `/`), each segment encoded. */
export function routeUrl(base: string, route: string): string {
  return base + route.split('/').map(encodeURIComponent).join('/');
}

/** Feeds of the home list. */
export const HOME_FEEDS = {
  get rss() {
    return urls.feed;
  },
  atom: 'atom.xml',
  json: 'feed.json',
} as const;

/** The RSS feed of a list route (the home list's, a tag's, a category's, an author's). */
export function feedFile(route: string): string {
  return `${route}${urls.feed}`;
}

/** The absolute address of a path under the base (siteUrl's own path, if any, is replaced by it). */
/** Whether an address names its scheme (`https:`, `mailto:`, `javascript:`): not a path on the site. */
export const hasScheme = (url: string): boolean => /^[a-z][a-z\d+.-]*:/i.test(url);

/**
 * An address the operator gave (a logo, an icon, a menu link) as a page links it: an address with a
 * scheme as it is; a path on the site (`/p/about/`, `media/…`) under the base.
 */
export function siteAddress(url: string, base: string): string {
  if (hasScheme(url)) return url;
  return base + url.replace(/^\/+/, '');
}

export function absoluteUrl(siteUrl: string, base: string, route: string): string {
  return new URL(routeUrl(base, route), `${siteUrl}/`).href;
}
