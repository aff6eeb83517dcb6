// The Folio plugin's options, their defaults, and the environment variables that override them.
import fs from 'node:fs';
import path from 'node:path';

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
  /** Folder of posts, relative to the project root. Default `content`. Env: `FOLIO_CONTENT`. */
  content?: string;
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
  /** Least number of posts a tag needs to be in the tag cloud (its page and the filter keep it). Default 1. */
  cloudMinCount?: number;
  /**
   * Tags to rename, name → the name to use (`{ USA: '美国' }`): a post that wrote the first carries
   * the second, before anything is written; each is in the report with the number of posts that
   * wrote it. Matched as tags are (case, width and script aside).
   */
  tagSynonyms?: Record<string, string>;
}

export interface ResolvedOptions {
  title: string;
  description: string;
  siteUrl: string;
  lang: 'zh-CN' | 'en';
  timeZone: string;
  /** Absolute path of the content folder. */
  contentDir: string;
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
}

/** Tag synonyms, checked: each a name → a name. */
function readSynonyms(option: Record<string, string> | undefined): Record<string, string> {
  if (option === undefined) return {};
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
  const file = path.resolve(root, option);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`folio: hiddenTags names a file that cannot be read: ${file}`);
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** Checks the options and fills in defaults; an impossible option is an Error naming it. */
export function resolveOptions(
  options: FolioOptions,
  root: string,
  env: Record<string, string | undefined> = process.env,
): ResolvedOptions {
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
  const strictEnv = env.FOLIO_STRICT;
  const futureEnv = env.FOLIO_FUTURE;
  return {
    title: options.title ?? 'Folio',
    description: options.description ?? '',
    siteUrl,
    lang,
    timeZone,
    contentDir: path.resolve(root, env.FOLIO_CONTENT || options.content || 'content'),
    pageSize,
    maxFileSize,
    drafts: options.drafts ?? false,
    future: futureEnv ? futureEnv !== '0' && futureEnv !== 'false' : (options.future ?? false),
    strict: strictEnv ? strictEnv !== '0' && strictEnv !== 'false' : (options.strict ?? false),
    reportPath: path.resolve(root, env.FOLIO_REPORT || options.report || 'folio-report.json'),
    hiddenTags: readHiddenTags(options.hiddenTags, root),
    cloudMinCount,
    tagSynonyms: readSynonyms(options.tagSynonyms),
  };
}
