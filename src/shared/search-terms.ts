// Search terms: one rule for the index the build writes (src/node/search/index-builder.ts) and for the reader's
// queries, so that a query is always cut into the very terms the index holds. (Two segmenters that
// disagree, one at index time and one in the browser, lose words: Pagefind issue #1237.)
//
// Chinese, Japanese and Korean are written without spaces between words, and no dictionary knows
// every name an archive holds: their text is indexed as every character and every pair of neighbouring
// characters. A query of two or more such characters is the pairs it is made of, all present, so any
// word is found wherever it stands; one character is found by itself. Other scripts are indexed by
// their words, and the last word of a query also finds the words it begins (results as you type).
// Posts in English (their own `lang`, else the site's) are also indexed by each word's stem, and an
// English word of a query also finds its stem: `economies` finds `economy` there.
import { stemmer } from 'stemmer';
import { FNV_BASIS, fnvStep } from './fnv.ts';
import { MAX_QUERY, MAX_QUERY_TERMS } from './search-limits.ts';
import { foldScript, scriptFolds } from './script-fold.ts';

// Text of ASCII, CJK ideographs, hangul, kana, CJK or full-width punctuation and the dashes, quotes and
// bullets of Chinese text (“”, ——, ·): NFKC changes none of its letters (punctuation it may change is no
// term), so most of a Chinese body skips it. 1 for each such UTF-16 code unit (a table: a regular
// expression's class took as long as the rest of the scan). Not kana's voicing marks (U+3099–309C:
// は and ゚ are ぱ), nor the ligatures ゟ and ヿ, nor the Hangzhou numerals 〸〹〺 (十卄卅).
const NFKC_STABLE = new Uint8Array(0x10000);
for (const [from, to] of [
  [0x0000, 0x007f],
  [0x00b7, 0x00b7],
  [0x2010, 0x2010],
  [0x2012, 0x2016],
  [0x2018, 0x2023],
  [0x3001, 0x3035],
  [0x303b, 0x303f],
  [0x3040, 0x3098],
  [0x309d, 0x309e],
  [0x30a0, 0x30fe],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7af],
  [0xff01, 0xff0f],
  [0xff1a, 0xff20],
  [0xff3b, 0xff40],
  [0xff5b, 0xff64],
] as const)
  NFKC_STABLE.fill(1, from, to + 1);

/**
 * Case, width and script folded: full-width Latin is Latin, `Ｇ` and `g` are one letter, and a
 * Traditional character is its Simplified one (script-fold.ts: 火災 is 火灾).
 */
export function normaliseText(text: string): string {
  const folds = scriptFolds();
  let upper = false;
  let traditional = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (NFKC_STABLE[c] === 0) return foldScript(text.normalize('NFKC').toLowerCase());
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (folds[c] !== 0) traditional = true;
  }
  const lower = upper ? text.toLowerCase() : text;
  return traditional ? foldScript(lower) : lower;
}

/** Whether a code point is written without spaces between words: Han, kana, hangul. */
export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0x3005 && cp <= 0x3007) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x1100 && cp <= 0x11ff) ||
    (cp >= 0x3130 && cp <= 0x318f) ||
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0x20000 && cp <= 0x323af)
  );
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Each BMP code point's class, worked out once: 0 not yet, 1 CJK, 2 word, 3 neither. */
const CLASS = new Uint8Array(0x10000);
const CJK = 1;
const WORD = 2;
const OTHER = 3;

function classify(cp: number): number {
  if (cp < 0x10000 && CLASS[cp] !== 0) return CLASS[cp]!;
  const c = isCjk(cp)
    ? CJK
    : cp < 0x80
      ? (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)
        ? WORD
        : OTHER
      : WORD_CHAR.test(String.fromCodePoint(cp))
        ? WORD
        : OTHER;
  if (cp < 0x10000) CLASS[cp] = c;
  return c;
}

/** Longer runs of letters are addresses, hashes or base64, not words anyone searches for. */
export const MAX_WORD = 32;

/** What the scan of a text finds: CJK characters (`second` is -1 for a lone one) and words. */
export interface TermSink {
  /** A CJK character and the one after it in its run (-1 at the run's end). */
  cjk(first: number, second: number): void;
  /** A word of a spaced script, normalised: `text.slice(start, end)` (an index makes no string of a
   * word it has met). */
  word(text: string, start: number, end: number): void;
}

/**
 * Every term of a normalised text, in order (duplicates included). Each CJK character is reported
 * once with its successor in the run, which gives both its own term and the pair's.
 */
export function scanTerms(text: string, sink: TermSink): void {
  let wordStart = -1;
  let prev = -1;
  for (let i = 0; i <= text.length;) {
    let cp = i < text.length ? text.charCodeAt(i) : -1;
    if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i)!;
    const kind = cp < 0 ? OTHER : classify(cp);
    if (kind === CJK) {
      if (prev >= 0) sink.cjk(prev, cp);
      prev = cp;
    } else if (prev >= 0) {
      sink.cjk(prev, -1);
      prev = -1;
    }
    if (kind === WORD) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      if (i - wordStart <= MAX_WORD) sink.word(text, wordStart, i);
      wordStart = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
}

/** Marks a stem among the terms: no word begins with it. */
export const STEM_MARK = '~';
const ENGLISH_WORD = /^[a-z]+$/;

/** The stem term of a word of a–z (Porter's stemmer), else undefined. */
export function stemTerm(word: string): string | undefined {
  return ENGLISH_WORD.test(word) ? STEM_MARK + stemmer(word) : undefined;
}

/** Whether a language's words are indexed by stem too: English, the language with a stemmer here. */
export const stemsWords = (lang: string | undefined): boolean => /^en(?:-|$)/i.test(lang ?? '');

/** The text of a CJK term: a character, or a character and its successor. */
export function cjkTerm(first: number, second: number): string {
  return second < 0 ? String.fromCodePoint(first) : String.fromCodePoint(first, second);
}

/** The characters of a word that choose its bucket: all of a short word, the first three of others. */
export const WORD_KEY = 3;

/** FNV-1a over code points: the bucket a term lives in. The same numbers on both sides. */
export function bucketOf(term: string, buckets: number): number {
  let h = FNV_BASIS;
  let n = 0;
  const cjk = isCjk(term.codePointAt(0) ?? 0);
  for (const ch of term) {
    if (!cjk && n++ === WORD_KEY) break;
    h = fnvStep(h, ch.codePointAt(0)!);
  }
  return h % buckets;
}

/** bucketOf(cjkTerm(first, second)), with no string made: the index's tens of thousands of CJK terms. */
export function cjkBucketOf(first: number, second: number, buckets: number): number {
  const h = fnvStep(FNV_BASIS, first);
  return (second < 0 ? h : fnvStep(h, second)) % buckets;
}

/** Bits of an entry's kind in a bucket file (index-builder.ts writes them, the reader parses them). */
export const SEARCH_ENTRY = { title: 1, bitmap: 2 } as const;

/**
 * One term of a query: found as it is, or (the word being typed) as the beginning of words; or, for an
 * English word, by its stem in the posts indexed by stem.
 */
export interface QueryTerm {
  text: string;
  prefix: boolean;
  stem?: string;
}

/** What a query asks for: its terms (all must match) and the pieces to mark in a passage. */
export interface ParsedQuery {
  terms: QueryTerm[];
  /** The query's CJK runs, words and terms, normalised, longest first. */
  pieces: string[];
}

export function parseQuery(query: string): ParsedQuery {
  const text = normaliseText(query.slice(0, MAX_QUERY));
  const terms = new Map<string, QueryTerm>();
  const pieces = new Set<string>();
  let run: number[] = [];
  const words: string[] = [];
  const endRun = () => {
    if (run.length === 0) return;
    pieces.add(String.fromCodePoint(...run));
    if (run.length === 1) terms.set(cjkTerm(run[0]!, -1), { text: cjkTerm(run[0]!, -1), prefix: false });
    for (let i = 0; i + 1 < run.length; i++) {
      const t = cjkTerm(run[i]!, run[i + 1]!);
      terms.set(t, { text: t, prefix: false });
    }
    run = [];
  };
  scanTerms(text, {
    cjk(first, second) {
      run.push(first);
      if (second < 0) endRun();
    },
    word(source, start, end) {
      const w = source.slice(start, end);
      words.push(w);
      pieces.add(w);
    },
  });
  endRun();
  // The last word is the one being typed, unless the query ends with a space.
  const typing = /[\p{L}\p{N}\p{M}]$/u.test(text);
  words.forEach((w, i) => {
    const prefix = typing && i === words.length - 1 && [...w].length >= WORD_KEY;
    const key = prefix ? `${w}*` : w;
    if (terms.has(key) || (prefix && terms.has(w))) return;
    const stem = stemTerm(w);
    terms.set(key, stem ? { text: w, prefix, stem } : { text: w, prefix });
  });
  // A passage marks the query's runs where they stand whole, else the pairs they are made of.
  for (const t of terms.values()) pieces.add(t.text);
  return {
    terms: spread([...terms.values()], MAX_QUERY_TERMS),
    pieces: [...pieces].sort((a, b) => b.length - a.length),
  };
}

/** At most `max` of the items, spread evenly over the list (a long phrase keeps its whole span). */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))]!);
}

/**
 * `text` with every span from a match of `open` to the end of the next `close` replaced by a space
 * (an opening never closed stays, as it does in Markdown): comments, scripts and styles, each found by
 * one scan (a lazy regular expression from each of 100,000 unclosed `<!--` reads the rest of the text
 * each time).
 */
function dropSpans(text: string, open: RegExp, close: (opened: RegExpExecArray) => RegExp): string {
  let out = '';
  let at = 0;
  open.lastIndex = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const closing = close(m);
    closing.lastIndex = m.index + m[0].length;
    if (!closing.exec(text)) break;
    out += `${text.slice(at, m.index)} `;
    at = open.lastIndex = closing.lastIndex;
  }
  return out + text.slice(at);
}

const COMMENT_END = /-->/g;
const SCRIPT_END = /<\/script[^<>]*>/gi;
const STYLE_END = /<\/style[^<>]*>/gi;

// plainText's rules, in order, each with a piece of text every match of it holds. Each is linear in the
// text, whatever it holds (hostile bodies of 200 KB of `![` or `<a` once took 11 and 14 s here): no
// part of a rule can go on past the next place another match could start.
const PLAIN_RULES: readonly (readonly [string, RegExp, string])[] = [
  ['[^', /\[\^[^\]\s[^]{1,100}\](?::)?/g, ''],
  // (an address may hold parentheses: `javascript:void(0);`)
  ['![', /!\[([^\][]{0,1000})\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)/g, ' $1 '],
  ['](', /\[([^\][]{0,1000})\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)/g, '$1'],
  ['](', /\]\([^()\n]*\)/g, '] '],
  [']:', /^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm, ' '],
  ['<', /<\/?[a-z][^<>]*>/gi, ' '],
  ['://', /\b(?:https?|ftp):\/\/\S+/gi, ' '],
  ['&', /&(?:[a-z]+|#\d+|#x[\da-f]+);/gi, ' '],
  // Emphasis marks go, joining what they stood between as the reader shows it (`她**说**` is 她说, a
  // pair the index must hold), except between two ASCII letters or digits (`2*3`, `snake_case`: a
  // query's words are cut there too): `~~` here, `*` below.
  ['~~', /~~/g, ''],
];

/**
 * A run of `*` (or `_`, in passageText) unless both its neighbours are ASCII letters or digits. (A
 * pattern that starts with the mark itself: one that starts by looking behind tries every character,
 * and cost the index of 1,000 real-shaped posts 0.2 s. `_` marks emphasis in few real posts, and a pass
 * over every body for it cost the index 0.07 s: what it joins, the search text leaves apart.)
 */
const STARS = /\*+(?![A-Za-z0-9*])|(?<![A-Za-z0-9*])\*+/g;
const UNDERSCORES = /_+(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])_+/g;

/**
 * Markdown → the text a reader searches: image and link addresses, footnote marks, HTML tags,
 * comments, scripts, bare addresses and emphasis marks left out; alt texts and link texts kept.
 */
export function plainText(markdown: string): string {
  let text = markdown;
  if (text.includes('<!--')) text = dropSpans(text, /<!--/g, () => COMMENT_END);
  // (`<svg` placeholders are in most real-shaped bodies: a case-blind search of each cost more)
  if (['<script', '<style', '<SCRIPT', '<STYLE'].some((tag) => text.includes(tag)))
    text = dropSpans(text, /<(script|style)\b/gi, (m) => (/^script$/i.test(m[1]!) ? SCRIPT_END : STYLE_END));
  // each pass only where its mark is in the text: the rules read a whole body each
  for (const [mark, rule, by] of PLAIN_RULES) if (text.includes(mark)) text = text.replace(rule, by);
  if (text.includes('*')) text = text.replace(STARS, '');
  return text;
}

/** passageText's rules for the block syntax at a line's start (and tables' and code's marks). */
const BLOCK_MARKS: readonly (readonly [string, RegExp, string])[] = [
  ['`', /^ {0,3}(?:```|~~~).*$/gm, ' '],
  ['`', /`+/g, ''],
  ['#', /^ {0,3}#{1,6}(?:[ \t]+|$)|(?<![ \t])[ \t]+#+[ \t]*$/gm, ''],
  ['>', /^(?: {0,3}>)+ ?/gm, ''],
  ['|', /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/gm, ' '],
  ['|', /\|/g, ' '],
  ['', /^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, ''],
  ['', /^ {0,3}(?:[-*_][ \t]*){3,}$/gm, ' '],
  ['\\', /\\([!-/:-@[-`{-~])/g, '$1'],
];

/**
 * Markdown → text to show (a search result's passage, a summary written in front matter): plainText,
 * and no heading, quote, list, table or code marks, so no `**`, `###` or `[…](…)` reaches a reader.
 */
export function passageText(markdown: string): string {
  let text = markdown;
  for (const [mark, rule, by] of BLOCK_MARKS) if (text.includes(mark)) text = text.replace(rule, by);
  text = plainText(text);
  return text.includes('_') ? text.replace(UNDERSCORES, '') : text;
}

/** A piece of a passage: text, marked where it matches the query. */
export interface PassagePart {
  text: string;
  mark: boolean;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches a passage is chosen among, at most (a long article may hold thousands). */
const PASSAGE_CANDIDATES = 400;

/**
 * The passage of a text where the query stands most whole, about `length` characters, its matches
 * marked; undefined when the text holds none of the query. The query's runs and words (the pieces no
 * other piece holds) are looked for near each match: the first match with the most of them nearby
 * leads, so a text that holds 量子纠缠 shows it, not an earlier 纠缠 alone.
 */
export function findPassage(text: string, pieces: string[], length = 90): PassagePart[] | undefined {
  if (pieces.length === 0) return undefined;
  // the pieces (folded, as the query is) are looked for in the text folded the same way, one unit for
  // one: the passage shows the text as it is written (火災 found by 火灾)
  const re = new RegExp(pieces.map((p) => escapeRe(foldScript(p))).join('|'), 'giu');
  const flat = text.replace(/\s+/g, ' ');
  const folded = foldScript(flat);
  const lower = pieces.map((p) => foldScript(p.toLowerCase()));
  const whole = lower.filter((p, i) => !lower.some((q, j) => j !== i && q !== p && q.includes(p)));
  const span = Math.max(Math.floor((length * 2) / 3), ...whole.map((p) => p.length));
  let first: { index: number } | undefined;
  let best = -1;
  let n = 0;
  for (let m = re.exec(folded); m && n < PASSAGE_CANDIDATES; m = re.exec(folded), n++) {
    if (m[0] === '') break;
    const near = folded.slice(m.index, m.index + span).toLowerCase();
    const found = whole.filter((p) => near.includes(p)).length;
    if (found > best) {
      [first, best] = [{ index: m.index }, found];
      if (found === whole.length) break;
    }
  }
  if (!first) return undefined;
  const start = Math.max(0, first.index - Math.floor(length / 3));
  const end = Math.min(flat.length, start + length);
  const window = flat.slice(start, end);
  const windowFolded = folded.slice(start, end);
  const parts: PassagePart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let at = 0;
  re.lastIndex = 0;
  for (let m = re.exec(windowFolded); m; m = re.exec(windowFolded)) {
    if (m[0] === '') break;
    if (m.index > at) parts.push({ text: window.slice(at, m.index), mark: false });
    parts.push({ text: window.slice(m.index, m.index + m[0].length), mark: true });
    at = m.index + m[0].length;
  }
  if (at < window.length) parts.push({ text: window.slice(at), mark: false });
  if (end < flat.length) parts.push({ text: '…', mark: false });
  return parts;
}

/**
 * What of a passage the article is searched for when the result is opened: its longest run of marked
 * text (marks side by side, or a space apart, are one run: 量子 纠缠 → 量子 纠缠).
 */
export function passageTarget(parts: PassagePart[]): string | undefined {
  let best = '';
  let run = '';
  for (const p of parts) {
    if (p.mark) run += p.text;
    else if (p.text === ' ' && run) run += p.text;
    else run = '';
    if (run.trim().length > best.length) best = run.trim();
  }
  return best || undefined;
}
