// Markdown body → what lists and the article page need to know of it, in one pass over
// markdown-it's token stream (a full mdast costs ~7× more: 11.8 s against 1.7 s for 10k small posts).
// In: the body. Out: excerpt text, reading time, images, headings, raw-HTML flag, local references.
import { decodedBodies, markdownIt } from '../markdown.ts';
import type { Token } from 'markdown-it';
import GithubSlugger from 'github-slugger';
import type { Heading, ImageRef } from '../../shared/contract.ts';
import { imageAddress, weservOriginal } from '../../shared/images.ts';
import { safeUrl } from '../../shared/safe-url.ts';
import { isCjk, passageText } from '../../shared/search-terms.ts';
import { fenceWalk } from '../fences.ts';

export interface BodyFacts {
  /** Up to ~120 characters of real text, or the text before `<!--more-->`. */
  excerpt: string;
  readingMinutes: number;
  wordCount: number;
  /** The first image that is not a `data:` placeholder. */
  cover?: ImageRef;
  /** Every Markdown and HTML image, placeholders included. */
  imageCount: number;
  headings: Heading[];
  /** Text of the first heading of any depth, for posts without a title. */
  firstHeading?: string;
  rawHtml: boolean;
  /** Relative addresses of images and links (candidates for local assets). */
  localRefs: string[];
}

// (footnotes as the reader reads them: `[^1]: …` is a note, not a link's definition, and `[^1]` no text)
const md = markdownIt({ html: true, linkify: false }, 'full');
// This parser only analyses, never renders: count every image and link, `data:` and `javascript:`
// included (the reader's renderer is what sanitises them).
md.validateLink = () => true;
// Keep addresses exactly as written (markdown-it would re-encode them, at the cost of a URL parse each).
md.normalizeLink = (url) => url;
md.normalizeLinkText = (text) => text;
decodedBodies(md);

const EXCERPT_LENGTH = 120;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const ZERO_WIDTH_ANY = /[\u200b-\u200d\u2060\ufeff]/;
// Lines mirrored from WeChat and Zhihu that say nothing about the article.
const BOILERPLATE = [
  /^原创\s/u,
  // `字数 1017，阅读大约需 6 分钟`, `全文共2381字，阅读大约需要5分钟`, `阅读本文需要 3 分钟`
  /(字数|全文共?)\s*[\d,，]+\s*字?.{0,8}阅读/u,
  /阅读(大约|本文)?需要?\s*\d+(\.\d+)?\s*分钟/u,
  /^(点击|长按|关注|↑|▲|△).{0,16}(关注|公众号|二维码|星标|蓝字)/u,
  // `本文授权于公众号：…`, `本文经授权转载自…`, `本文来源于…`, `本文首发于…`, `转载请联系…`
  /^本文(经|已)?(授权|转载|来源|来自|首发|原载|整理)/u,
  /^(转载|投稿|商务合作|合作)请?(联系|邮箱|后台)/u,
  /^(来源|作者|编辑|责编|责任编辑|图片来源|文|撰文|文字|图|图文|排版|校对|审核|出品|策划|主编)\s*[:：|｜/／]/u,
];
const IMG_TAG = /<img\b[^>]*>/gi;
const ATTR = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');
const SRC_ATTR = ATTR('(?<!-)src');
const DATA_SRC_ATTR = ATTR('data-src');
const ALT_ATTR = ATTR('alt');
/** An attribute's value in a tag, quoted or bare; undefined when the tag has none. */
function attrValue(tag: string, attr: RegExp): string | undefined {
  const m = attr.exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}
const words = new Intl.Segmenter('en', { granularity: 'word' });
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
// Surrogates, combining marks, joiners, variation selectors, regional indicators: a character may span units.
const COMPLEX_GRAPHEMES =
  // eslint-disable-next-line no-misleading-character-class -- a class of combining marks and joiners on purpose
  /[\ud800-\udfff\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0900-\u0dff\u0e31-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\u302a-\u302f\u3099\u309a\ufe00-\ufe0f\ufe20-\ufe2f]/;

/**
 * A paragraph's text as an excerpt shows it: what markdown-it left as text of Markdown's marks (a `**`
 * it could not pair, `###` with no space after it) removed.
 */
function excerptText(line: string): string {
  return passageText(line).replace(/^#+/, '').replace(/\s+/g, ' ').trim();
}

/** Punctuation that ends a Chinese sentence or clause, and carries its own space. */
const CJK_STOP = /[。！？；：…」』”’）》]$/u;

/**
 * Joins two paragraphs of an excerpt: after Chinese punctuation that ends a sentence, directly (the
 * mark's own width is the pause); else with a space, so a line with no stop (a subtitle, a name) and
 * the next one never run together.
 */
function joinText(a: string, b: string): string {
  if (!a) return b;
  return CJK_STOP.test(a) ? a + b : `${a} ${b}`;
}

/**
 * A copy of a piece of the body that holds nothing else alive. markdown-it works on its own copy of
 * the body and its tokens' addresses are slices of it: one kept image address would keep that whole
 * copy (at 10k posts, ~50 MB of a 145 MB heap).
 */
function own(piece: string): string {
  return piece.length > 12 ? (' ' + piece).slice(1) : piece;
}

/** An address with a scheme, `//` or `#` at its start (`y`: tested at lastIndex). */
const ABSOLUTE = /(?:[a-z][a-z0-9+.-]*:|\/\/|#)/iy;

function isLocal(ref: string): boolean {
  ABSOLUTE.lastIndex = 0;
  return ref !== '' && !ABSOLUTE.test(ref);
}

/**
 * Whether analyseBody could find a local reference in the body, by a scan of its text that errs one
 * way only: false means it finds none. Every address Markdown gives a link or image follows `](` or a
 * reference's `]:`, after spaces, tabs or line breaks and an optional `<`; every HTML image is an
 * `<img>` tag. An address that does not start with a scheme, `//` or `#` may be local; so may a tag
 * over several lines (a container's `>` or indent may cut it in the text, not in the parse). Code
 * spans and escapes are not told apart: what they hold only makes the answer true more often.
 */
export function mayHoldLocalRefs(body: string): boolean {
  for (let i = body.indexOf(']'); i !== -1; i = body.indexOf(']', i + 1)) {
    const next = body.charCodeAt(i + 1);
    if (next !== 0x28 && next !== 0x3a) continue; // `(` or `:`
    let at = i + 2;
    for (let c = body.charCodeAt(at); c === 0x20 || c === 0x09 || c === 0x0a; c = body.charCodeAt(++at));
    if (body.charCodeAt(at) === 0x3c) at++; // `<`
    if (next === 0x28 && body.charCodeAt(at) === 0x29) continue; // `()`: no address
    ABSOLUTE.lastIndex = at;
    if (!ABSOLUTE.test(body)) return true;
  }
  if (!/<img\b/i.test(body)) return false;
  for (const tag of body.match(IMG_TAG) ?? []) {
    if (tag.includes('\n')) return true;
    const src = attrValue(tag, SRC_ATTR);
    if (src !== undefined && isLocal(src)) return true;
  }
  return false;
}

/** What a UTF-16 unit outside Han, kana and hangul is to a word count (CLASS_*), worked out once each. */
const classes = new Uint8Array(0x10000);
const CLASS_WORD = 1; // a letter, digit or `_`: starts or goes on with a word
const CLASS_MARK = 2; // a combining mark: goes on with a word, starts none
const CLASS_JOIN = 3; // `'`, `’`, `.`, `,`, `:`, `·` between two word characters (can't, 3.14, 1,000)
const CLASS_OTHER = 4;
const CLASS_UNSPACED = 5; // Thai, Lao, Khmer, Myanmar: words with no spaces between them
const UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function classOf(c: number): number {
  let k = classes[c]!;
  if (k !== 0) return k;
  const ch = String.fromCharCode(c);
  if (c >= 0xd800 && c <= 0xdfff)
    k = CLASS_OTHER; // a surrogate: its pair is classed by code point
  else if (UNSPACED.test(ch)) k = CLASS_UNSPACED;
  else if (/[\p{L}\p{N}_]/u.test(ch)) k = CLASS_WORD;
  else if (/\p{M}/u.test(ch)) k = CLASS_MARK;
  else if ("'’.,:·".includes(ch)) k = CLASS_JOIN;
  else k = CLASS_OTHER;
  return (classes[c] = k);
}

/** Code points past the BMP: a letter or digit (CJK Extension B–F counts as CJK, by its lead unit). */
const ASTRAL_WORD = /^[\p{L}\p{N}]/u;

/** Pieces of an unspaced script handed to Intl.Segmenter, whose cost per word grows with its input. */
const SEGMENTER_PIECE = 256;

/** Words of a run of Thai, Lao, Khmer or Myanmar, by Intl.Segmenter's dictionaries, a piece at a time. */
function unspacedWords(run: string): number {
  let n = 0;
  for (let at = 0; at < run.length; at += SEGMENTER_PIECE)
    for (const s of words.segment(run.slice(at, at + SEGMENTER_PIECE))) if (s.isWordLike) n++;
  return n;
}

/**
 * Counts Han/kana/hangul characters and other words, in one pass over the text: a word is a run of
 * letters, digits and marks, which `'`, `.`, `,` or `:` between two of them does not end (UAX #29's
 * rules for words as Intl.Segmenter applies them to Latin, Cyrillic, Greek…). Only the scripts written
 * without spaces go to Intl.Segmenter, 256 characters at a time: V8's segmenter costs more per word the
 * longer its input (0.24 µs a character in pieces of 128, 4.3 at 32,768, 79 past 131,072, where a real
 * post's 200,000 characters took 167 s), and ~40× this scan even in small pieces.
 */
export function countWords(text: string): { cjk: number; words: number } {
  let cjk = 0;
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x5f) {
        if (!inWord) n++;
        inWord = true;
      } else if (inWord && (c === 0x27 || c === 0x2e || c === 0x2c || c === 0x3a) && joins(text, i, c)) {
        // a joiner between two word characters: the word goes on
      } else inWord = false;
      continue;
    }
    if (isCjk(c)) {
      cjk++;
      inWord = false;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        if (isCjk(cp)) {
          cjk++;
          inWord = false;
        } else if (ASTRAL_WORD.test(String.fromCodePoint(cp))) {
          if (!inWord) n++;
          inWord = true;
        } else inWord = false;
        i++;
        continue;
      }
    }
    switch (classOf(c)) {
      case CLASS_WORD:
        if (!inWord) n++;
        inWord = true;
        break;
      case CLASS_MARK:
        break;
      case CLASS_JOIN:
        if (!(inWord && wordAt(text, i + 1))) inWord = false;
        break;
      case CLASS_UNSPACED: {
        let end = i + 1;
        while (end < text.length) {
          const k = classOf(text.charCodeAt(end));
          if (k !== CLASS_UNSPACED && k !== CLASS_MARK) break;
          end++;
        }
        n += unspacedWords(text.slice(i, end));
        i = end - 1;
        inWord = false;
        break;
      }
      default:
        inWord = false;
    }
  }
  return { cjk, words: n };
}

/** Whether an ASCII joiner at i goes on with the word: `,` between digits, `:` between letters, `'` and `.` between either. */
function joins(text: string, i: number, c: number): boolean {
  const next = text.charCodeAt(i + 1);
  const digits = next >= 0x30 && next <= 0x39;
  if (c === 0x2c) return digits;
  if (c === 0x3a && digits) return false;
  return wordAt(text, i + 1);
}

/** Whether text[i] is a letter or digit outside CJK (a joiner before it goes on with the word). */
function wordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x5f;
  return !isCjk(c) && classOf(c) === CLASS_WORD;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);
const CLOSING = new Set(['”', '’', '」', '』', '）', ')', '"', "'"]);
const SPACE = /^\s$/;

/** Cuts text to about `max` characters, at a sentence end when one falls near, never inside a character. */
export function cutExcerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  // Characters, each one string: graphemes where a character may span units; else the text itself,
  // where every UTF-16 unit is a whole character.
  let chars: ArrayLike<string>;
  let upTo: (end: number) => string;
  if (COMPLEX_GRAPHEMES.test(text.slice(0, max * 4))) {
    const parts: string[] = [];
    // Intl.Segmenter's cost per segment grows with its input's length (countWords): it is given the
    // start, long enough for max + 8 graphemes of up to 16 units each
    for (const s of graphemes.segment(text.slice(0, (max + 8) * 16)))
      if (parts.push(s.segment) > max + 8) break;
    if (parts.length <= max) return text;
    chars = parts;
    upTo = (end) => parts.slice(0, end).join('');
  } else {
    chars = text;
    upTo = (end) => text.slice(0, end);
  }
  for (let i = max - 1; i >= Math.floor(max / 2); i--) {
    const c = chars[i]!;
    if (SENTENCE_END.has(c) || (c === '.' && SPACE.test(chars[i + 1] ?? ' '))) {
      let end = i + 1;
      while (end < chars.length && CLOSING.has(chars[end]!)) end++;
      return upTo(end);
    }
  }
  return upTo(max).trimEnd() + '…';
}

/** What one pass over the tokens gathers besides text. */
interface Found {
  cover?: ImageRef;
  imageCount: number;
  refs: string[];
  /** Whether the paragraph being read holds a `javascript:` link (boilerplate, not an excerpt). */
  js: boolean;
  html: boolean;
  more: boolean;
}

/** Counts an image; the first real one is the cover (its original address worked out once, here). */
function addImage(out: Found, src: string, alt: () => string) {
  out.imageCount++;
  if (isLocal(src)) out.refs.push(own(src));
  if (out.cover || /^\s*data:/i.test(src) || !safeUrl(src, 'src', 'img')) return;
  const original = weservOriginal(src);
  out.cover = original ? { src: own(src), original, alt: own(alt()) } : { src: own(src), alt: own(alt()) };
}

function inlineText(children: Token[] | null, out: Found): string {
  let text = '';
  for (const t of children ?? []) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
        text += t.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'image':
        addImage(out, String(t.attrGet('src') ?? ''), () => t.content);
        break;
      case 'link_open': {
        const href = String(t.attrGet('href') ?? '');
        if (/^\s*javascript:/i.test(href)) out.js = true;
        else if (isLocal(href) && /\.[a-z0-9]{1,5}$/i.test(href) && !/\.(?:md|markdown|html?)$/i.test(href))
          out.refs.push(own(href));
        break;
      }
      case 'html_inline':
        out.html = true;
        if (t.content.includes('<!--more-->')) out.more = true;
        collectHtmlImages(t.content, out);
        break;
    }
  }
  return text;
}

function collectHtmlImages(html: string, out: Found) {
  for (const tag of html.match(IMG_TAG) ?? []) {
    const src = attrValue(tag, SRC_ATTR);
    if (src === undefined) continue;
    // WeChat's lazy image: a placeholder, its real address in data-src (a cover, a local file); a
    // placeholder without one still counts as an image
    const address = imageAddress({ src, dataSrc: attrValue(tag, DATA_SRC_ATTR) }) || src;
    addImage(out, address, () => attrValue(tag, ALT_ATTR) ?? '');
  }
}

/** Characters of body parsed at a time, at least (pieces end where a top-level block does). */
const PIECE = 65_536;
/** A reference definition (`[id]: url`): a link may use it from anywhere, so such a body is parsed whole. */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
/** HTML blocks that go on past a blank line (CommonMark's kinds 1–5): such a body is parsed whole. */
const LONG_HTML_BLOCK = /^ {0,3}<(?:script|pre|style|textarea|!|\?)/im;
/** A line after a blank one that can go on with no block before it: a list item or a quote can. */
const CONTINUES = /[\s>*+\-\d]/;

/**
 * A long body in pieces that markdown-it parses one after another to the same facts as the whole
 * (one token list for a 4 MB post lived long enough for the collector to copy and promote it: 10
 * times the body cost 16 times the time). A piece ends before a blank line's next line that starts at
 * the margin with no list marker or quote, outside a fenced code block: a new top-level block starts
 * there whatever came before. Bodies with reference definitions or long HTML blocks are not cut.
 */
export function* bodyPieces(body: string, size: number): Generator<string> {
  if (
    body.length < size * 2 ||
    // (each pattern tried at every line start only where its marks occur: a scan of the body)
    (body.includes(']:') && REFERENCE_DEFINITION.test(body)) ||
    (body.includes('<') && LONG_HTML_BLOCK.test(body))
  ) {
    yield body;
    return;
  }
  let start = 0;
  const openAt = fenceWalk(body);
  for (let at = body.indexOf('\n\n', start + size); at !== -1 && body.length - at > size;) {
    let next = at + 2;
    while (body.charCodeAt(next) === 0x0a) next++;
    if (openAt(at) < 0 && next < body.length && !CONTINUES.test(body[next]!)) {
      yield body.slice(start, next);
      start = next;
      at = body.indexOf('\n\n', start + size);
    } else at = body.indexOf('\n\n', next);
  }
  yield body.slice(start);
}

/** The body's facts; `piece`: the characters parsed at a time, at least (tests compare it with a whole parse). */
export function analyseBody(body: string, piece = PIECE): BodyFacts {
  const out: Found = { imageCount: 0, refs: [], js: false, html: false, more: false };
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  let firstHeading: string | undefined;
  let excerpt = '';
  let inTable = false;
  let inNotes = false;
  let cjk = 0;
  let w = 0;
  for (const part of bodyPieces(body, piece)) {
    const tokens = md.parse(part, {});
    let counted = '';
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type === 'heading_open') {
        const inline = tokens[i + 1]!;
        const text = inlineText(inline.children, out).replace(/\s+/g, ' ').trim();
        counted += text + '\n';
        const id = slugger.slug(text);
        const depth = Number(t.tag.slice(1));
        firstHeading ??= own(text) || undefined;
        if (depth === 2 || depth === 3) headings.push({ depth, text: own(text), id: own(id) });
        i += 2;
      } else if (t.type === 'table_open' || t.type === 'table_close') {
        inTable = t.type === 'table_open';
      } else if (t.type === 'footnote_block_open' || t.type === 'footnote_block_close') {
        inNotes = t.type === 'footnote_block_open';
      } else if (t.type === 'inline') {
        out.js = false;
        // `<!--more-->` ends the excerpt after the paragraph it is in
        const more = out.more;
        const text = inlineText(t.children, out);
        counted += text + '\n';
        if (!more && !inTable && !inNotes && excerpt.length < EXCERPT_LENGTH * 2 && !out.js) {
          // an excerpt needs the paragraph's start only: a 600 KB paragraph costs what 480 characters do
          const line = text
            .slice(0, EXCERPT_LENGTH * 4)
            .replace(ZERO_WIDTH, '')
            .replace(/\s+/g, ' ')
            .trim();
          const shown = line && !BOILERPLATE.some((re) => re.test(line)) ? excerptText(line) : '';
          if (shown) excerpt = joinText(excerpt, shown);
        }
      } else if (t.type === 'html_block') {
        out.html = true;
        if (t.content.includes('<!--more-->')) out.more = true;
        collectHtmlImages(t.content, out);
      } else if (t.type === 'fence' || t.type === 'code_block') {
        counted += t.content + '\n';
      }
    }
    // each piece's text ends with a line break: its words and characters add up to the whole's
    const counts = countWords(ZERO_WIDTH_ANY.test(counted) ? counted.replace(ZERO_WIDTH, '') : counted);
    cjk += counts.cjk;
    w += counts.words;
  }
  return {
    excerpt: own(out.more ? excerpt : cutExcerpt(excerpt)),
    readingMinutes: Math.max(1, Math.ceil(cjk / 400 + w / 200)),
    wordCount: cjk + w,
    cover: out.cover,
    imageCount: out.imageCount,
    headings,
    firstHeading,
    rawHtml: out.html,
    localRefs: [...new Set(out.refs)],
  };
}
