// Front matter + body facts → one post record. In: the file's relative path, its front matter and body
// facts. Out: the post's fields by the rules of docs/writing-posts.md, and the issues found.
import { splitListElement, splitTagString, facetKey } from '../../shared/facets.ts';
import { safeSegment, slugText } from '../../shared/slug.ts';
import { hasScheme } from '../../shared/paths.ts';
import type { PostData } from '../../shared/contract.ts';
import { passageText } from '../../shared/search-terms.ts';
import type { FmEntry, FmValue, FrontMatter } from './parse-front-matter.ts';
import { parseDate, splitNameDate, type ParsedDate } from './parse-date.ts';
import type { BodySource } from './load-body.ts';
import type { BodyFacts } from './analyse-body.ts';
import type { StepIssue } from '../issues.ts';
import { textHash } from '../hash.ts';

/**
 * A post as read: the fields of the contract's PostData that reading gives (the contract is the one
 * list of them), its dates as parsed, and what the build keeps of its file.
 */
export interface PostRecord extends Omit<PostData, 'ordinal' | 'slug' | 'date' | 'updated'> {
  /** Path relative to the content folder. */
  path: string;
  /** Slug before clashes are resolved. */
  slugBase: string;
  date?: ParsedDate;
  updated?: ParsedDate;
  /** Characters of the body (kept when the body is not). */
  bodyChars: number;
  /** FNV-1a of the body: the search index's name changes when any body does (search/plan.ts). */
  bodyHash: number;
  /** Where the body starts in the file's decoded text. */
  bodyStart: number;
  /** Where to read the body again, when it is not kept (`body` is then ''; load-body.ts). */
  bodySource?: BodySource;
  localRefs: string[];
  /** Why the post is not published, when it is not. */
  excluded?: string;
  /** Reachable at its address, out of every list, feed, the sitemap and search (`unlisted: true`). */
  unlisted?: true;
  /** Taken down (`removed: "reason"`): its address shows a notice, its body is not read. Unlisted too. */
  removed?: string;
  /** Its old addresses (`aliases:`, Jekyll's `redirect_from:`), as paths under the base: redirect pages. */
  aliases?: string[];
  /** How strongly the post is pinned to the head of the home page (`pinned: true` is 1, `sticky: 5` is 5). */
  pinned?: number;
  issues: StepIssue[];
}

export interface NormaliseContext {
  timeZone: string;
  drafts: boolean;
  future: boolean;
  /** Whether the file lies in a `_drafts/` folder. */
  inDrafts: boolean;
  /** Current time in ms, for future dates. */
  now: number;
  /** A standalone page (content/pages/): needs no date. */
  page?: boolean;
  /** Largest file read, in bytes (the maxFileSize option). */
  maxFileSize?: number;
}

// Front matter keys (lower case) → field, in order of preference where several name one field.
const KEYS = {
  title: ['title'],
  date: ['date'],
  updated: ['lastmod', 'last_modified_at', 'modified', 'updated'],
  authors: ['author', 'authors'],
  tags: ['tags', 'tag'],
  categories: ['categories', 'category'],
  published: ['published'],
  draft: ['draft'],
  pinned: ['pinned', 'sticky', 'top'],
  unlisted: ['unlisted', 'hidden'],
  removed: ['removed'],
  slug: ['slug'],
  aliases: ['aliases', 'redirect_from'],
  excerpt: ['excerpt', 'summary', 'description'],
  source: ['source', 'original', 'link', 'source_url'],
  lang: ['lang', 'language'],
} as const;

/** A language tag as `lang` attributes take it: `en`, `zh-CN`, `zh-Hant-TW`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z\d]{2,8})*$/i;

/** Every front matter key Folio reads (lower case); values of other keys are never expanded. */
export const FRONT_MATTER_KEYS: ReadonlySet<string> = new Set(Object.values(KEYS).flat());

const entriesFor = (fm: FrontMatter, field: keyof typeof KEYS): FmEntry[] =>
  KEYS[field].map((k) => fm.entries.get(k)).filter((e): e is FmEntry => e !== undefined && e.value !== null);

const scalarText = (v: FmValue | null): string | undefined =>
  v?.kind === 'scalar' && v.value !== null ? (typeof v.value === 'string' ? v.value : v.source) : undefined;

const fold = (s: string) => s.replace(/\s+/gu, ' ').trim();

/**
 * What one post may put into every list, tag page and feed it appears in: its title, summary and
 * names are copied into each of them, so past these the rest is cut with a warning, and a post with
 * 20,000 tags or a 600 KB summary costs what a post with 64 tags or 300 characters does.
 */
export const POST_LIMITS = {
  /** Characters of a title (real ones: up to ~100). */
  title: 200,
  /** Characters of a front-matter summary (the excerpt made from the body is ~120). */
  summary: 300,
  /** Tags, categories or authors of one post, each (real ones: up to ~10). */
  names: 64,
  /** Characters of one tag, category or author: its folder's name must stay within 255 bytes. */
  name: 60,
} as const;

/** Text cut to `max` characters (never inside a surrogate pair), with `…` where it was cut. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\ud800-\udbff]/.test(text[end - 1]!)) end--;
  return text.slice(0, end).trimEnd() + '…';
}

/** A field's text within its limit: as it is, or cut with a warning on its line. */
function within(
  text: string,
  max: number,
  field: string,
  line: number | undefined,
  issues: StepIssue[],
): string {
  if (text.length <= max) return text;
  issues.push({
    severity: 'warning',
    line,
    field,
    message: `${field} is ${text.length} characters long: cut to ${max} for lists and feeds`,
  });
  return cut(text, max);
}

/**
 * Why a post was taken down, when its front matter says it was: `removed: "reason"` (`removed: true`
 * gives no reason: ''). Its body is then not read (read-post.ts): nothing of it reaches the site.
 */
export function removedReason(fm: FrontMatter): string | undefined {
  const v = entriesFor(fm, 'removed')[0]?.value;
  if (v?.kind !== 'scalar' || v.value === false || v.value === null) return undefined;
  if (v.value === true) return '';
  return fold(typeof v.value === 'string' ? v.value : v.source).slice(0, POST_LIMITS.summary);
}

/** Old addresses a post keeps, at most. */
const MAX_ALIASES = 20;

/**
 * A post's old addresses: paths on the site (`/post/old-name/`, `old.html`), each relative to the base;
 * one with a scheme, `..`, a query or a fragment is a warning and left out.
 */
function readAliases(entry: FmEntry | undefined, issues: StepIssue[]): string[] {
  const v = entry?.value;
  if (!entry || !v) return [];
  const written = v.kind === 'list' ? v.items.map(scalarText) : [scalarText(v)];
  const out: string[] = [];
  for (const text of written) {
    const alias = text?.trim().replace(/^\/+/, '');
    if (!alias || hasScheme(alias) || /[\s?#\\]/.test(alias) || alias.split('/').includes('..')) {
      issues.push({
        severity: 'warning',
        line: entry.line,
        field: entry.key,
        message: `${entry.key}: "${String(text).slice(0, 60)}" is not a path on the site: left out`,
      });
      continue;
    }
    if (out.length === MAX_ALIASES) {
      issues.push({
        severity: 'warning',
        line: entry.line,
        field: entry.key,
        message: `${entry.key}: the first ${MAX_ALIASES} are kept`,
      });
      break;
    }
    out.push(alias);
  }
  return out;
}

/** A yes/no key: true or false; anything else is a warning and false. */
function readFlag(entry: FmEntry | undefined, issues: StepIssue[]): boolean {
  const v = entry?.value;
  if (!entry || !v) return false;
  if (v.kind === 'scalar' && typeof v.value === 'boolean') return v.value;
  issues.push({
    severity: 'warning',
    line: entry.line,
    field: entry.key,
    message: `${entry.key} is neither true nor false: the post is listed`,
  });
  return false;
}

/**
 * How strongly a post is pinned: `pinned: true` (or Hexo's `sticky: true`) is 1, a number its weight
 * (Hexo's `sticky: 100` leads `sticky: 1`); false, 0 or nothing is not pinned. Anything else is a
 * warning, not pinned.
 */
function readPinned(entry: FmEntry | undefined, issues: StepIssue[]): number | undefined {
  const v = entry?.value;
  if (!entry || !v) return undefined;
  if (v.kind === 'scalar') {
    if (v.value === true) return 1;
    if (v.value === false || v.value === 0) return undefined;
    if (typeof v.value === 'number' && Number.isFinite(v.value) && v.value > 0) return v.value;
  }
  issues.push({
    severity: 'warning',
    line: entry.line,
    field: entry.key,
    message: `${entry.key} is neither true, false nor a positive number: the post is not pinned`,
  });
  return undefined;
}

/** At most POST_LIMITS.names names of one field, each within POST_LIMITS.name, with warnings. */
function limitNames(names: string[], field: string, line: number | undefined, issues: StepIssue[]): string[] {
  let kept = names;
  if (names.length > POST_LIMITS.names) {
    issues.push({
      severity: 'warning',
      line,
      field,
      message: `${names.length} ${field}: the first ${POST_LIMITS.names} are kept`,
    });
    kept = names.slice(0, POST_LIMITS.names);
  }
  const long = kept.filter((n) => n.length > POST_LIMITS.name);
  if (long.length === 0) return kept;
  issues.push({
    severity: 'warning',
    line,
    field,
    message: `${long.length} of ${field} longer than ${POST_LIMITS.name} characters, cut: "${cut(long[0]!, 24)}"`,
  });
  return dedupe(kept.map((n) => cut(n, POST_LIMITS.name)));
}

// Embeddings, overrides and isolates of the bidirectional algorithm: in a title or a tag they can make
// its text read backwards, and its neighbours in a list, a tab title or a feed with it.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const HAS_BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** Names or a title without bidi controls, with a warning naming the field when there were any. */
function withoutBidi(values: string[], field: string, issues: StepIssue[]): string[] {
  if (!values.some((v) => HAS_BIDI.test(v))) return values;
  issues.push({
    severity: 'warning',
    field,
    message: `bidirectional control characters removed from ${field}`,
  });
  return values.map((v) => fold(v.replace(BIDI_CONTROLS, ''))).filter(Boolean);
}

/** Tag or category names from one entry, each kept exactly as written. */
function readNames(entry: FmEntry, issues: StepIssue[]): string[] {
  const out: string[] = [];
  const walk = (v: FmValue, top: boolean) => {
    if (v.kind === 'scalar') {
      if (v.value === null) return;
      const text = typeof v.value === 'string' ? v.value : v.source;
      out.push(...(top ? splitTagString(text) : splitListElement(text)));
    } else if (v.kind === 'list') {
      for (const item of v.items) walk(item, false);
    } else {
      issues.push({
        severity: 'warning',
        line: entry.line,
        field: entry.key,
        message: `"${entry.key}" holds a mapping; that part is ignored`,
      });
    }
  };
  walk(entry.value!, true);
  return out;
}

/** facetKey, remembered per name (an archive's 3,000 tags are named 50,000 times at 10k posts). */
const keys = new Map<string, string>();
function keyOf(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size > 100_000) keys.clear();
    keys.set(name, (key = facetKey(name)));
  }
  return key;
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = keyOf(n);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function readDate(entry: FmEntry, ctx: NormaliseContext, issues: StepIssue[]): ParsedDate | undefined {
  const text = scalarText(entry.value);
  if (text === undefined || text.trim() === '') return undefined;
  const parsed = parseDate(text, ctx.timeZone);
  if ('error' in parsed) {
    issues.push({
      severity: 'error',
      line: entry.line,
      field: entry.key,
      message: `${entry.key}: ${parsed.error}`,
    });
    return undefined;
  }
  return parsed;
}

/** Jekyll's title for a post without one: the slug's words, each capitalised (`no-yaml` → `No Yaml`). */
function titleFromName(rest: string): string {
  return fold(rest.replace(/[-_]+/g, ' ')).replace(
    /(^|\s)(\p{Ll})/gu,
    (_m, sp: string, c: string) => sp + c.toUpperCase(),
  );
}

/** The file name without folders and extension. */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
}

/** Jekyll's categories from folders: those above a `_posts` folder. */
function folderCategories(path: string): string[] {
  const parts = path.split('/');
  const at = parts.indexOf('_posts');
  return at > 0 ? parts.slice(0, at).filter((p) => p && !p.startsWith('_')) : [];
}

/** The title the front matter gives (folded to one line), or '': then the body's first heading is. */
export function frontMatterTitle(fm: FrontMatter): string {
  const titleEntry = entriesFor(fm, 'title')[0];
  return titleEntry ? fold(scalarText(titleEntry.value) ?? '') : '';
}

export function normalisePost(
  path: string,
  fm: FrontMatter,
  facts: BodyFacts,
  ctx: NormaliseContext,
): PostRecord {
  const issues: StepIssue[] = [...fm.issues];
  const name = baseName(path);
  const fromName = splitNameDate(name);

  const titleEntry = entriesFor(fm, 'title')[0];
  let title = frontMatterTitle(fm);
  if (titleEntry && titleEntry.value?.kind !== 'scalar')
    issues.push({
      severity: 'error',
      line: titleEntry.line,
      field: 'title',
      message: 'title is not text; ignored',
    });
  title ||= facts.firstHeading || titleFromName(fromName.rest) || name;
  title = withoutBidi([title], 'title', issues)[0] || name;
  title = within(title, POST_LIMITS.title, 'title', titleEntry?.line, issues);

  let date: ParsedDate | undefined;
  const dateEntry = entriesFor(fm, 'date')[0];
  if (dateEntry) date = readDate(dateEntry, ctx, issues);
  if (!date && fromName.date) {
    const parsed = parseDate(fromName.date, ctx.timeZone);
    if ('error' in parsed) issues.push({ severity: 'error', message: `file name date: ${parsed.error}` });
    else date = parsed;
  }
  const draftEntry = entriesFor(fm, 'draft')[0]?.value;
  const draft = draftEntry?.kind === 'scalar' && draftEntry.value === true;
  // Drafts are undated until published (Jekyll dates them by file time); not an error.
  if (!date && !ctx.page && !draft && !ctx.inDrafts)
    issues.push({ severity: 'error', message: 'no date in front matter or file name; listed last, undated' });
  const updatedEntry = entriesFor(fm, 'updated')[0];
  const updated = updatedEntry ? readDate(updatedEntry, ctx, issues) : undefined;

  /** A field's names as lists show them: without bidi controls, de-duplicated, within the limits. */
  const names = (field: 'authors' | 'tags' | 'categories', written: string[], label: string) =>
    limitNames(dedupe(withoutBidi(written, label, issues)), field, entriesFor(fm, field)[0]?.line, issues);
  const authors = names(
    'authors',
    entriesFor(fm, 'authors').flatMap((e) => {
      const v = e.value!;
      if (v.kind === 'list')
        return v.items
          .map(scalarText)
          .filter((s): s is string => s !== undefined)
          .map(fold);
      if (v.kind === 'map') return [fold(scalarText(v.entries.get('name') ?? null) ?? '')];
      return [fold(scalarText(v) ?? '')];
    }),
    'author',
  );
  const tags = names(
    'tags',
    entriesFor(fm, 'tags').flatMap((e) => readNames(e, issues)),
    'tags',
  );
  const categories = names(
    'categories',
    [...folderCategories(path), ...entriesFor(fm, 'categories').flatMap((e) => readNames(e, issues))],
    'categories',
  );

  const slugEntry = entriesFor(fm, 'slug')[0];
  const slugWritten = slugText(scalarText(slugEntry?.value ?? null) || fromName.rest || name);
  const slugBase = safeSegment(slugWritten);
  if (slugBase !== slugWritten)
    issues.push({
      severity: 'warning',
      line: slugEntry?.line,
      field: slugEntry?.key,
      message: `slug "${cut(slugWritten, 40)}" is ${slugBase.startsWith('~_') ? 'a name the site or a disk keeps' : 'too long for a folder name'}: its folder is "${cut(slugBase, 40)}"`,
    });

  const excerptEntry = entriesFor(fm, 'excerpt')[0];
  const excerpt =
    within(
      // a summary in front matter may be written in Markdown: shown as its text
      fold(passageText(scalarText(excerptEntry?.value ?? null) ?? '')),
      POST_LIMITS.summary,
      excerptEntry?.key ?? 'summary',
      excerptEntry?.line,
      issues,
    ) || facts.excerpt;
  const source = scalarText(entriesFor(fm, 'source')[0]?.value ?? null);
  const langEntry = entriesFor(fm, 'lang')[0];
  const langText = scalarText(langEntry?.value ?? null)?.trim();
  const lang = langText && LANGUAGE_TAG.test(langText) ? langText : undefined;
  if (langText && !lang)
    issues.push({
      severity: 'warning',
      field: 'lang',
      line: langEntry?.line,
      message: `lang: "${langText.slice(0, 40)}" is not a language tag (like en or zh-CN): the site's is used`,
    });

  let excluded: string | undefined;
  const published = entriesFor(fm, 'published')[0];
  if (published && published.value?.kind === 'scalar' && published.value.value === false)
    excluded = 'published: false';
  else if (!ctx.drafts && draft) excluded = 'draft: true (the drafts option is off)';
  else if (!ctx.drafts && ctx.inDrafts) excluded = 'in _drafts/ (the drafts option is off)';
  else if (date && date.ms > ctx.now) {
    if (ctx.future)
      issues.push({ severity: 'warning', field: 'date', message: `dated in the future (${date.text})` });
    else excluded = `dated in the future (${date.text}) and the future option is off`;
  }

  const pinned = readPinned(entriesFor(fm, 'pinned')[0], issues);
  const aliases = readAliases(entriesFor(fm, 'aliases')[0], issues);
  const removed = removedReason(fm);
  const unlistedEntry = entriesFor(fm, 'unlisted')[0];
  const unlisted = removed !== undefined || readFlag(unlistedEntry, issues);

  if (removed !== undefined && pinned)
    issues.push({ severity: 'warning', field: 'pinned', message: 'removed, so not pinned' });
  return {
    path,
    slugBase,
    title,
    date,
    updated,
    authors,
    tags,
    categories,
    excerpt: removed === undefined ? excerpt : '',
    cover: facts.cover,
    readingMinutes: facts.readingMinutes,
    wordCount: facts.wordCount,
    imageCount: facts.imageCount,
    headings: facts.headings,
    rawHtml: facts.rawHtml,
    body: fm.body,
    bodyChars: fm.body.length,
    bodyHash: textHash(fm.body),
    bodyStart: fm.bodyStart,
    sourceUrl: source && /^https?:\/\//i.test(source) ? source : undefined,
    lang,
    localRefs: facts.localRefs,
    excluded,
    issues,
    // always there, if undefined: every record of one shape (the dev server's reruns read these of
    // 10,000 records; records of many shapes cost V8 a slow lookup each, ~25 ms a rerun)
    pinned: pinned && removed === undefined ? pinned : undefined,
    unlisted: unlisted ? true : undefined,
    aliases: aliases.length > 0 ? aliases : undefined,
    removed,
  };
}
