// Folio's options, their defaults, and how a flag (`--site-url`) or an environment variable
// (`FOLIO_SITE_URL`) overrides each for one run: a flag over a variable over the config file.
import fs from 'node:fs';
import path from 'node:path';
import type { SiteLink } from '../shared/contract.ts';
import { DEFAULT_URLS, hasScheme, RESERVED_TOP as RESERVED, type UrlScheme } from '../shared/paths.ts';

export interface FolioOptions {
  /** Site title, in the header and every page title. Default `Folio`. */
  title?: string;
  /** One-sentence description of the site, for meta tags and feeds. Default empty. */
  description?: string;
  /** Absolute address the site is served from (`https://example.org/archive`), for feeds and canonical links. */
  siteUrl?: string;
  /** Interface and content language: `zh-CN` (default) or `en`. */
  lang?: 'zh-CN' | 'en';
  /** IANA time zone for dates written without a zone, and for display. Default `Asia/Shanghai`. */
  timeZone?: string;
  /** Folder of posts, relative to the config file's folder. Default `content`. Env: `FOLIO_CONTENT`. */
  content?: string;
  /** Folder the site is built into (`folio build`), relative to the config file's folder. Default `dist`. */
  out?: string;
  /** Path the site is served under (`/archive/`): every link, asset and data file is under it. Default `/`. */
  base?: string;
  /** Posts per page of every list. Default 20. */
  pageSize?: number;
  /** Largest post file read, in bytes; a larger one is skipped with an error. Default 32 MiB. */
  maxFileSize?: number;
  /** Publish posts in `_drafts/` and those with `draft: true`. Default false. */
  drafts?: boolean;
  /**
   * Publish posts dated in the future (with a warning). Default false, as Hugo and Jekyll: a real archive
   * held five posts dated 2027–2031 that led its home page, archive and feed. Env: `FOLIO_FUTURE=1`.
   */
  future?: boolean;
  /** Fail the build on any error in the report. Default false. Env: `FOLIO_STRICT=1`. */
  strict?: boolean;
  /** Where to write the build report, relative to the project root. Default `folio-report.json`. Env: `FOLIO_REPORT`. */
  report?: string;
  /**
   * Tags to hide: taken off every post before anything is written (no page, no chip on a card, not in
   * the cloud, feeds or search), each named in the report with the number of posts that carried it.
   * Matched as tags are: case, width and script aside (`台灣` hides `台湾`). A list, or the path of a
   * file of them (relative to the project root), one a line, `#` starting a comment.
   */
  hiddenTags?: string[] | string;
  /**
   * What the site's feeds carry of each post: `full` (the article, up to `feedItemBytes`, then a link
   * to the rest) or `summary` (its summary and a link). Default `full`.
   */
  feedContent?: 'full' | 'summary';
  /** Bytes of HTML one feed item carries at most (past them: the article's start and a link). Default 16384. */
  feedItemBytes?: number;
  /** The site's logo, before its title in the header: an image file (relative to the config) or an https address. */
  logo?: string;
  /** The site's icon: an image file (`.ico`, `.png`, `.svg`…, relative to the config) or an https address. */
  favicon?: string;
  /** Links after the header's own (`{ label: 'Telegram', url: 'https://t.me/x' }`, or `/p/about/` on the site). */
  menu?: SiteLink[];
  /** The footer's line of text (default: the description). */
  footer?: string;
  /** Links in the footer, as the menu's. */
  footerLinks?: SiteLink[];
  /**
   * An "edit this post" link on every article: an address with `{path}`, the post's file in the content
   * folder (`https://github.com/me/archive/edit/main/content/{path}`).
   */
  editLink?: string;
  /** A "report this post" link on every article: an address with `{path}`, `{url}` (the article's) or `{title}`. */
  reportLink?: string;
  /**
   * Where each post lives: a pattern of `:slug`, `:filename` (its file's name), `:year`, `:month`,
   * `:day` (its date as written). Default `/posts/:slug/`; Hugo's `/post/:filename/`, `/:year/:month/:slug/`.
   */
  permalink?: string;
  /** The folders of tag, category and author pages (`/tags/x/`, `/categories/x/`, `/authors/x/` by default). */
  tagsBase?: string;
  categoriesBase?: string;
  authorsBase?: string;
  /** The RSS feeds' file name (`feed.xml` by default; Hugo's `index.xml`). */
  feedName?: string;
  /**
   * Old addresses that go on working: a site path → the path it now is (`{ "/post/old/": "/posts/new/",
   * "/index.xml": "/feed.xml" }`). A page's old address gets a redirect page, a feed's a copy of it.
   */
  aliases?: Record<string, string>;
  /** Least number of posts a tag needs to be in the tag cloud (its page and the filter keep it). Default 1. */
  cloudMinCount?: number;
  /**
   * Tags to rename, name → the name to use (`{ USA: '美国' }`): a post that wrote the first carries
   * the second, before anything is written; each is in the report with the number of posts that
   * wrote it. Matched as tags are (case, width and script aside). Or the path of a file of them, one a
   * line (`USA → 美国`, `->`, `=>` or `=` between), `#` starting a comment.
   */
  tagSynonyms?: Record<string, string> | string;
}

type OptionKind = 'text' | 'number' | 'boolean' | 'path' | 'json';

/** Every option, by what a flag's or variable's text is read as (`path`: resolved where it is given). */
export const OPTION_KINDS: Record<keyof FolioOptions, OptionKind> = {
  title: 'text',
  description: 'text',
  siteUrl: 'text',
  lang: 'text',
  timeZone: 'text',
  content: 'path',
  out: 'path',
  base: 'text',
  pageSize: 'number',
  maxFileSize: 'number',
  drafts: 'boolean',
  future: 'boolean',
  strict: 'boolean',
  report: 'path',
  hiddenTags: 'path',
  cloudMinCount: 'number',
  feedContent: 'text',
  feedItemBytes: 'number',
  permalink: 'text',
  tagsBase: 'text',
  categoriesBase: 'text',
  authorsBase: 'text',
  feedName: 'text',
  aliases: 'json',
  logo: 'path',
  favicon: 'path',
  menu: 'json',
  footer: 'text',
  footerLinks: 'json',
  editLink: 'text',
  reportLink: 'text',
  tagSynonyms: 'path',
};

/** An option's environment variable: `siteUrl` → `FOLIO_SITE_URL`. */
export const envName = (option: string) => `FOLIO_${option.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** An option's flag: `siteUrl` → `--site-url`. */
export const flagName = (option: string) => `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Options from text given for one run (flags or variables), by option name: each read as its kind
 * says, a path resolved against `from`. `named` says how the text was given, for errors.
 */
export function optionsFromText(
  given: Partial<Record<keyof FolioOptions, string | boolean>>,
  from: string,
  named: (option: string) => string,
): FolioOptions {
  const out: Record<string, unknown> = {};
  for (const [option, value] of Object.entries(given)) {
    const kind = OPTION_KINDS[option as keyof FolioOptions];
    if (value === undefined || kind === undefined) continue;
    if (kind === 'boolean') {
      const text = value === true ? 'true' : String(value).toLowerCase();
      if (!['', '1', 'true', 'yes', '0', 'false', 'no'].includes(text))
        throw new Error(`folio: ${named(option)} must be 1 or 0 (true or false), not "${String(value)}"`);
      out[option] = ['', '1', 'true', 'yes'].includes(text);
    } else if (typeof value === 'boolean') {
      throw new Error(`folio: ${named(option)} needs a value`);
    } else if (kind === 'number') {
      if (!/^\d+$/.test(value.trim()))
        throw new Error(`folio: ${named(option)} must be a whole number, not "${value}"`);
      out[option] = Number(value);
    } else if (kind === 'json') {
      try {
        out[option] = JSON.parse(value);
      } catch {
        throw new Error(
          `folio: ${named(option)} must be JSON ([{ "label": "…", "url": "…" }]), not "${value}"`,
        );
      }
    } else out[option] = kind === 'path' && !hasScheme(value) ? path.resolve(from, value) : value;
  }
  return out as FolioOptions;
}

/** The options FOLIO_* variables set (paths relative to `root`). */
export function optionsFromEnv(env: Record<string, string | undefined>, root: string): FolioOptions {
  const given: Partial<Record<keyof FolioOptions, string>> = {};
  for (const option of Object.keys(OPTION_KINDS) as (keyof FolioOptions)[]) {
    const value = env[envName(option)];
    if (value !== undefined && value !== '') given[option] = value;
  }
  return optionsFromText(given, root, envName);
}

export interface ResolvedOptions {
  title: string;
  description: string;
  siteUrl: string;
  lang: 'zh-CN' | 'en';
  timeZone: string;
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Absolute path of the folder `folio build` writes. */
  outDir: string;
  /** The path the site is served under, with `/` at both ends. */
  base: string;
  pageSize: number;
  maxFileSize: number;
  drafts: boolean;
  future: boolean;
  strict: boolean;
  /** Absolute path of the report file. */
  reportPath: string;
  /** Tags to hide, as listed. */
  hiddenTags: string[];
  cloudMinCount: number;
  tagSynonyms: Record<string, string>;
  feedContent: 'full' | 'summary';
  feedItemBytes: number;
  /** The post permalink pattern, relative to the base, ending with `/` (`posts/:slug/`). */
  permalink: string;
  urls: UrlScheme;
  /** Old site paths (relative to the base, as routes are) → the paths they now are. */
  aliases: Record<string, string>;
  /** The logo and icon: an absolute file path or an https address; '' for none. */
  logo: string;
  favicon: string;
  menu: SiteLink[];
  footer: string;
  footerLinks: SiteLink[];
  editLink: string;
  reportLink: string;
}

/** Extensions of the images a logo or an icon may be. */
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg|ico)$/i;

/** A logo or an icon: an https address as it is, else a file that must be there, by its absolute path. */
function readImage(option: 'logo' | 'favicon', value: string | undefined, root: string): string {
  if (!value) return '';
  if (/^https:\/\//i.test(value)) return value;
  if (hasScheme(value))
    throw new Error(`folio: ${option} must be an image file or an https:// address, not "${value}"`);
  const file = path.resolve(root, value);
  if (!IMAGE_FILE.test(file) || !fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new Error(
      `folio: ${option} must be an image file (png, jpg, gif, webp, avif, svg, ico) that is there: ${file}`,
    );
  return file;
}

/** A link's address: http(s), mailto, or a path on the site; nothing that could run. */
export const LINK_URL = /^(?:https?:\/\/[^\s]+|mailto:[^\s]+|\/(?!\/)[^\s]*)$/i;

function readLinks(option: 'menu' | 'footerLinks', value: SiteLink[] | undefined): SiteLink[] {
  if (value === undefined) return [];
  const bad = (what: string) =>
    new Error(
      `folio: ${option} must be a list of { label, url } (url https://…, mailto:… or /path/): ${what}`,
    );
  if (!Array.isArray(value)) throw bad(JSON.stringify(value));
  return value.map((link) => {
    const { label, url } = (link ?? {}) as Partial<SiteLink>;
    if (typeof label !== 'string' || !label.trim() || typeof url !== 'string' || !LINK_URL.test(url.trim()))
      throw bad(JSON.stringify(link));
    return { label: label.trim().slice(0, 60), url: url.trim() };
  });
}

/** A folder's base name: one path segment of letters, digits, `-`, `_` or `.`, not the site's own. */
function readBase(option: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  const name = value.replace(/^\/+|\/+$/g, '');
  if (!/^[\p{L}\p{N}_.-]+$/u.test(name) || name === '.' || name === '..' || RESERVED.has(name))
    throw new Error(`folio: ${option} must be one folder name (like "tag" or "author"), not "${value}"`);
  return name;
}

/** The permalink pattern: segments of text and placeholders, holding :slug or :filename. */
function readPermalink(value: string | undefined, urls: UrlScheme): string {
  if (value === undefined) return 'posts/:slug/';
  const pattern = `${value.replace(/^\/+|\/+$/g, '')}/`;
  const segments = pattern.slice(0, -1).split('/');
  const ok =
    /:(?:slug|filename)\b/.test(pattern) &&
    segments.every(
      (s) => /^(?:[\p{L}\p{N}_.-]|:(?:slug|filename|year|month|day)\b)+$/u.test(s) && s !== '..',
    ) &&
    !RESERVED.has(segments[0]!) &&
    ![urls.tag, urls.category, urls.author].includes(segments[0]!);
  if (!ok)
    throw new Error(
      `folio: permalink must be a path of :slug or :filename, :year, :month, :day and folder names, not the site's own folders (like "/post/:slug/"), not "${value}"`,
    );
  return pattern;
}

/** Old addresses → new: each a path on the site (`/…`), no scheme, no `..`. */
function readAliases(value: Record<string, string> | undefined): Record<string, string> {
  if (value === undefined) return {};
  const path = (p: unknown) =>
    typeof p === 'string' && /^\/(?!\/)[^\s?#]*$/.test(p) && !p.split('/').includes('..');
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('folio: aliases must map old paths to new ones ({ "/post/old/": "/posts/new/" })');
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(value)) {
    if (!path(from) || !path(to))
      throw new Error(
        `folio: aliases: "${from}" → "${String(to)}" must both be paths on the site, starting with /`,
      );
    out[from.slice(1)] = to.slice(1);
  }
  return out;
}

/** An edit or report link's template: an http(s) address, with its placeholders. */
function readTemplate(option: 'editLink' | 'reportLink', value: string | undefined): string {
  if (!value) return '';
  if (!/^https?:\/\/\S+$/i.test(value))
    throw new Error(`folio: ${option} must be an http(s) address with {path} in it, not "${value}"`);
  return value;
}

/** Tag synonyms, checked: each a name → a name; from a file, one a line. */
function readSynonyms(
  option: Record<string, string> | string | undefined,
  root: string,
): Record<string, string> {
  if (option === undefined) return {};
  if (typeof option === 'string') {
    const map: Record<string, string> = {};
    readLines(option, root, 'tagSynonyms').forEach((line, i) => {
      if (line === '') return;
      const pair = /^(.+?)\s*(?:→|->|=>|=)\s*(.+)$/.exec(line);
      if (!pair)
        throw new Error(
          `folio: tagSynonyms file ${path.resolve(root, option)}, line ${i + 1}: "${line}" is not \`name → name\``,
        );
      map[pair[1]!] = pair[2]!;
    });
    return map;
  }
  const entries = typeof option === 'object' && option !== null ? Object.entries(option) : undefined;
  if (!entries || !entries.every(([, to]) => typeof to === 'string' && to.trim() !== ''))
    throw new Error('folio: tagSynonyms must map each tag name to the name to use ({ "USA": "美国" })');
  return Object.fromEntries(entries.map(([from, to]) => [from.trim(), to.trim()]));
}

/** The tags a stop-list names: a list as given, or a file's lines (`#` starts a comment). */
function readHiddenTags(option: string[] | string | undefined, root: string): string[] {
  if (option === undefined) return [];
  if (Array.isArray(option)) {
    if (!option.every((t) => typeof t === 'string'))
      throw new Error('folio: hiddenTags must be a list of tag names or the path of a file of them');
    return option.map((t) => t.trim()).filter(Boolean);
  }
  return readLines(option, root, 'hiddenTags').filter(Boolean);
}

/** A file's lines, `#` comments and spaces around them taken off; a line left empty is '' (kept for numbering). */
function readLines(file: string, root: string, option: string): string[] {
  const at = path.resolve(root, file);
  let text: string;
  try {
    text = fs.readFileSync(at, 'utf8');
  } catch {
    throw new Error(`folio: ${option} names a file that cannot be read: ${at}`);
  }
  return text.split(/\r?\n/).map((line) => line.replace(/#.*/, '').trim());
}

/**
 * Checks the options and fills in defaults; an impossible option is an Error naming it. `root` is the
 * folder the options' paths are relative to (the config file's); FOLIO_* variables in `env` override
 * the options (their paths relative to `root` too), and `flags` override both (paths already resolved).
 */
export function resolveOptions(
  given: FolioOptions,
  root: string,
  env: Record<string, string | undefined> = process.env,
  flags: FolioOptions = {},
): ResolvedOptions {
  const options: FolioOptions = { ...given, ...optionsFromEnv(env, root), ...flags };
  const lang = options.lang ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en')
    throw new Error(`folio: lang must be "zh-CN" or "en", not "${String(lang)}"`);
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`folio: timeZone "${timeZone}" is not an IANA time zone (e.g. "Asia/Shanghai")`);
  }
  const pageSize = options.pageSize ?? 20;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500)
    throw new Error(`folio: pageSize must be a whole number from 1 to 500, not ${String(pageSize)}`);
  const maxFileSize = options.maxFileSize ?? 32 * 1024 * 1024;
  if (!Number.isInteger(maxFileSize) || maxFileSize < 1)
    throw new Error(`folio: maxFileSize must be a whole number of bytes, not ${String(maxFileSize)}`);
  const siteUrl = (options.siteUrl ?? '').replace(/\/+$/, '');
  if (siteUrl && !/^https?:\/\/[^/]+/.test(siteUrl))
    throw new Error(`folio: siteUrl must be an absolute http(s) address, not "${siteUrl}"`);
  const cloudMinCount = options.cloudMinCount ?? 1;
  if (!Number.isInteger(cloudMinCount) || cloudMinCount < 1)
    throw new Error(`folio: cloudMinCount must be a whole number from 1, not ${String(cloudMinCount)}`);
  const feedContent = options.feedContent ?? 'full';
  if (feedContent !== 'full' && feedContent !== 'summary')
    throw new Error(`folio: feedContent must be "full" or "summary", not "${String(feedContent)}"`);
  const feedItemBytes = options.feedItemBytes ?? 16_384;
  if (!Number.isInteger(feedItemBytes) || feedItemBytes < 1024)
    throw new Error(
      `folio: feedItemBytes must be a whole number of bytes from 1024, not ${String(feedItemBytes)}`,
    );
  const urls: UrlScheme = {
    tag: readBase('tagsBase', options.tagsBase, DEFAULT_URLS.tag),
    category: readBase('categoriesBase', options.categoriesBase, DEFAULT_URLS.category),
    author: readBase('authorsBase', options.authorsBase, DEFAULT_URLS.author),
    feed: options.feedName ?? DEFAULT_URLS.feed,
  };
  if (!/^[\w-]+\.(?:xml|rss)$/.test(urls.feed) || urls.feed === 'atom.xml' || urls.feed === 'sitemap.xml')
    throw new Error(`folio: feedName must be a file name like "index.xml", not "${urls.feed}"`);
  if (new Set([urls.tag, urls.category, urls.author, 'posts']).size < 4)
    throw new Error(
      'folio: tagsBase, categoriesBase and authorsBase must differ from each other and from "posts"',
    );
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  if (/[\s?#]/.test(base) || base.includes('..'))
    throw new Error(`folio: base must be a path like "/archive/", not "${options.base}"`);
  return {
    title: options.title ?? 'Folio',
    description: options.description ?? '',
    siteUrl,
    lang,
    timeZone,
    contentDir: path.resolve(root, options.content || 'content'),
    outDir: path.resolve(root, options.out || 'dist'),
    base,
    pageSize,
    maxFileSize,
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    strict: options.strict ?? false,
    reportPath: path.resolve(root, options.report || 'folio-report.json'),
    hiddenTags: readHiddenTags(options.hiddenTags, root),
    cloudMinCount,
    tagSynonyms: readSynonyms(options.tagSynonyms, root),
    feedContent,
    feedItemBytes,
    permalink: readPermalink(options.permalink, urls),
    urls,
    aliases: readAliases(options.aliases),
    logo: readImage('logo', options.logo, root),
    favicon: readImage('favicon', options.favicon, root),
    menu: readLinks('menu', options.menu),
    footer: options.footer ?? '',
    footerLinks: readLinks('footerLinks', options.footerLinks),
    editLink: readTemplate('editLink', options.editLink),
    reportLink: readTemplate('reportLink', options.reportLink),
  };
}
