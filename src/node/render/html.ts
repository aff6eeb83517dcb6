// Markdown → HTML for feeds: markdown-it's HTML (GFM's tables, strikethrough and bare links), parsed
// again by parse5 and sanitised by the reader's schema, `javascript:` links dropped; then every
// address made absolute and every image from a host that refuses hot-linking routed through
// images.weserv.nl, so feed readers can show it. Not the reader's micromark: it took 6.5 s for one
// real 4 MB post and is quadratic in setext headings (2,400 of them: 2.9 s, where markdown-it and
// parse5 take 53 ms).
import taskLists from 'markdown-it-task-lists';
import type MarkdownIt from 'markdown-it';
import { decoded, decodedBodies, FOOTNOTE_DEFINITION, markdownIt, type MarkdownEnv } from '../markdown.ts';
import { followPrefixedIds } from '../../shared/footnotes.ts';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { imageAddress, isHotlinkProtected, weservOriginal, weservUrl } from '../../shared/images.ts';
import { safeUrl } from '../../shared/safe-url.ts';
import { sanitizeSchema } from '../../shared/sanitize-schema.ts';
import { escapeHtml } from '../escape-html.ts';
import { fenceWalk } from '../fences.ts';

/** A node of a hast tree, as the walks here read it. */
export interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function absolute(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/** The address a feed reader should load an image from. */
export function feedImageUrl(src: string, base: string): string | undefined {
  const abs = absolute(src, base);
  if (!abs || !/^https?:/.test(abs)) return undefined;
  const proxied = weservOriginal(abs);
  return proxied || isHotlinkProtected(abs) ? weservUrl(proxied ?? abs, 720) : abs;
}

/**
 * Links and images for where the HTML goes: a feed (`base`: every address absolute, hot-link-refusing
 * hosts through weserv), or a page of the site (addresses as written, images lazy).
 */
function absolutise(node: HastNode, base: string | undefined): void {
  const p = node.properties;
  if (node.type === 'element' && p) {
    if (node.tagName === 'a' && typeof p.href === 'string' && base) p.href = absolute(p.href, base);
    if (node.tagName === 'img') {
      // WeChat's lazy image: its real address in data-src, if the page kept one (else it draws nothing)
      const address = imageAddress(p);
      const safe = address && safeUrl(address, 'src', 'img');
      p.src = !safe ? undefined : base ? feedImageUrl(safe, base) : safe;
      p.referrerPolicy = 'no-referrer';
      if (!base) p.loading = 'lazy';
      for (const key of ['dataN', 'dataSrc', 'dataRatio', 'dataW']) delete p[key];
    }
  }
  node.children?.forEach((child) => absolutise(child, base));
  // an image left with no address (a placeholder, an address a feed cannot load) goes
  node.children = node.children?.filter(
    (child) => !(child.tagName === 'img' && child.properties?.src === undefined),
  );
}

/**
 * markdown-it for a post's body, as the reader reads it: GFM's task lists as remark-gfm gives them
 * (markdown-it-task-lists: a disabled checkbox), bare addresses as links, every address left for the
 * caller to judge (the sanitiser's schema or safeUrl, as the reader's are), a bare address's text as
 * written (markdown-it would decode `%E4%BA%91` for show; remark does not). With `html`, raw HTML
 * passes, for the sanitiser.
 */
export function bodyMarkdown(html: boolean): MarkdownIt {
  const md = decodedBodies(markdownIt({ html, linkify: true }, html ? 'full' : 'prefixed').use(taskLists));
  md.validateLink = () => true;
  md.normalizeLinkText = (text) => text;
  return md;
}

/** HTML parsed and sanitised by the reader's schema: a tree. */
export const sanitised = (html: string) =>
  sanitize(fromHtml(html, { fragment: true }), sanitizeSchema) as Root;

const md = bodyMarkdown(true);

/**
 * Safe HTML of a post body; relative addresses resolve against `pageUrl` (the post's absolute URL),
 * or stay as they are without one; footnotes' headings in `lang`'s words.
 */
export function renderHtml(markdown: string, pageUrl: string | undefined, lang = ''): string {
  const env: MarkdownEnv = { lang };
  const tree = sanitised(md.render(decoded(markdown), env));
  followPrefixedIds()(tree);
  absolutise(tree as HastNode, pageUrl);
  return toHtml(tree);
}

/** Safe HTML of a standalone page's body, for its page (its addresses as written). */
export const pageHtml = (markdown: string, lang: string) => renderHtml(markdown, undefined, lang);

/**
 * Bytes of HTML one feed item carries by default (the feedItemBytes option). The newest posts go into
 * the feeds, and a real archive's can be 4 MB each: past this, an item holds the article's start and
 * a link to the rest, so a feed costs the same to make and to fetch whatever its posts' size (a
 * 50-item feed of a real archive's posts was 2 MB at 20,000 characters an item; ~0.8 MB at this).
 */
export const FEED_ITEM_BYTES = 16_384;

/** Cuts tried to bring an item within its bytes before it is the link alone. */
const FEED_CUTS = 5;

/** The share of an item's bytes its Markdown is first cut to (rendered HTML weighs a little more). */
const FIRST_CUT = 0.8;

/** How many characters from the start of `text` hold at most `bytes` of UTF-8. */
function charsWithin(text: string, bytes: number): number {
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // (a surrogate is half of a 4-byte character)
    used += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xe000 ? 2 : 3;
    if (used > bytes) return i;
  }
  return text.length;
}

/**
 * The start of a body for a feed: up to `max` characters, cut after a paragraph, never inside a
 * fenced code block; undefined when the whole body fits.
 */
export function feedPart(body: string, max: number): string | undefined {
  if (body.length <= max) return undefined;
  let end = body.lastIndexOf('\n\n', max);
  if (end < max / 2) end = body.lastIndexOf('\n', max);
  if (end < max / 2) end = max;
  if (/[\ud800-\udbff]/.test(body[end - 1] ?? '')) end--;
  // a cut inside a fenced code block moves to before the fence's opening line
  const open = fenceWalk(body)(end);
  return body.slice(0, open < 0 ? end : open);
}

/** Characters of footnotes a cut feed item brings along from the rest of its body. */
const ITEM_NOTES_CHARS = 4000;

/**
 * The footnote definitions (`[^1]: text` and the indented lines after it) of `body` from `from` on, up
 * to ITEM_NOTES_CHARS: a feed item cut before its notes still has the ones its references need.
 */
export function footnoteDefinitions(body: string, from: number): string {
  let out = '';
  const rest = body.slice(from);
  if (!rest.includes('[^')) return out;
  const lines = rest.split('\n');
  for (let i = 0; i < lines.length; i++) {
    FOOTNOTE_DEFINITION.lastIndex = 0;
    if (!FOOTNOTE_DEFINITION.test(lines[i]!)) continue;
    let note = lines[i]!;
    while (i + 1 < lines.length && /^(?: {4}|\t|\s*$)/.test(lines[i + 1]!)) note += `\n${lines[++i]}`;
    if (out.length + note.length > ITEM_NOTES_CHARS) break;
    out += `\n\n${note.trimEnd()}`;
  }
  return out;
}

/**
 * A feed item's HTML within `maxBytes` of UTF-8: the whole body, or its start (cut after a paragraph)
 * and a link to the article (`more`, its text). The start is measured as rendered: a first cut at
 * the characters whose UTF-8 fills FIRST_CUT of the item, then shorter in proportion to what it came
 * to (one render, two at most, for real posts), at most
 * FEED_CUTS renders of at most `maxBytes` characters each, whatever the body's size; past them, the
 * link alone. RSS and Atom carry the HTML in CDATA, which any `]]>` would end: the `feed` package
 * splits only the first, so every one is written `]]&gt;` here, the same text in HTML (a tag's `>`
 * follows a quote, a name or a `/`, never `]]`; comments and raw-text elements do not survive
 * sanitising).
 */
export function feedHtml(
  body: string,
  pageUrl: string,
  more: string,
  lang = '',
  maxBytes = FEED_ITEM_BYTES,
): string {
  const link = `<p><a href="${escapeHtml(pageUrl)}">${escapeHtml(more)}</a></p>`;
  const room = maxBytes - Buffer.byteLength(link) - 1;
  let chars = charsWithin(body, Math.floor(room * FIRST_CUT));
  if (chars === body.length) chars = maxBytes;
  for (let cut = 0; cut < FEED_CUTS && chars > 0; cut++) {
    const part = feedPart(body, chars);
    const html = (
      part === undefined
        ? renderHtml(body, pageUrl, lang)
        : renderHtml(part + footnoteDefinitions(body, part.length), pageUrl, lang)
    ).replaceAll(']]>', ']]&gt;');
    const bytes = Buffer.byteLength(html);
    if (part === undefined && bytes <= maxBytes) return html;
    if (part !== undefined && bytes <= room) return part === '' ? link : `${html}\n${link}`;
    chars = Math.floor(Math.min(chars, part?.length ?? body.length) * (room / bytes) * 0.9);
  }
  return link;
}
