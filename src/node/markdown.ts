// The build's Markdown reader: markdown-it with CJK-friendly emphasis (markdown-it-cjk-friendly), the
// rules the reader's renderer follows too (remark-cjk-friendly), so `**她最先求助的是父亲。**2024年`
// is bold in the article, its excerpt, its search text and its feed alike. CommonMark's own rules
// leave those `**` as they are beside Chinese punctuation (450 of 752 posts of a real archive).
//
// With `footnotes`, GitHub's footnotes (markdown-it-footnote, as remark-gfm reads them) in the markup
// the reader's renderer gives them (src/shared/footnotes.ts), the heading in `env.lang`'s words; ids
// are left for the sanitiser to prefix (`full`), or prefixed here where nothing is sanitised
// (`prefixed`: no raw HTML). `refs`: the references alone, for a body's start whose notes (at its end)
// are not rendered, given the labels the whole body defines (`footnoteEnv`).
import MarkdownIt, { type Options } from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import footnote from 'markdown-it-footnote';
import type Renderer from 'markdown-it/lib/renderer.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { CLOBBER_PREFIX, footnoteId } from '../shared/footnotes.ts';
import { messagesFor } from '../shared/messages/titles.ts';

export interface MarkdownEnv {
  /** The site's language: the footnotes' heading and labels. */
  lang?: string;
  footnotes?: { refs: Record<string, number> };
}

interface NoteMeta {
  id: number;
  subId?: number;
  label?: string;
}

const meta = (t: Token) => t.meta as NoteMeta;
/** A note's id: its label as remark gives it, or its number for one without (an inline note). */
const noteId = (m: NoteMeta) => footnoteId(m.label ?? String(m.id + 1));
/** The id of a note's n-th reference (from 0): `fnref-1`, `fnref-1-2`. */
const refId = (m: NoteMeta) => `fnref-${noteId(m)}${(m.subId ?? 0) > 0 ? `-${m.subId! + 1}` : ''}`;

/** The footnotes' rules; ids prefixed with `prefix` (none where the sanitiser prefixes them). */
const noteRules = (prefix: string, escapeHtml: (text: string) => string): Partial<Renderer['rules']> => ({
  footnote_ref: (tokens, idx) => {
    const m = meta(tokens[idx]!);
    return `<sup><a href="#${prefix}fn-${escapeHtml(noteId(m))}" id="${prefix}${escapeHtml(refId(m))}" data-footnote-ref aria-describedby="footnote-label">${m.id + 1}</a></sup>`;
  },
  footnote_block_open: (_tokens, _idx, _options, env: MarkdownEnv) =>
    `<section data-footnotes class="footnotes"><h2 id="footnote-label">${escapeHtml(messagesFor(env.lang ?? '').footnotes)}</h2>\n<ol>\n`,
  footnote_block_close: () => '</ol>\n</section>\n',
  footnote_open: (tokens, idx) => `<li id="${prefix}fn-${escapeHtml(noteId(meta(tokens[idx]!)))}">\n`,
  footnote_close: () => '</li>\n',
  footnote_anchor: (tokens, idx, _options, env: MarkdownEnv) => {
    const m = meta(tokens[idx]!);
    const again = (m.subId ?? 0) + 1;
    const label = messagesFor(env.lang ?? '').footnoteBack(m.id + 1, again);
    return ` <a href="#${prefix}${escapeHtml(refId(m))}" data-footnote-backref="" aria-label="${escapeHtml(label)}" class="data-footnote-backref">↩${again > 1 ? `<sup>${again}</sup>` : ''}</a>`;
  },
});

export function markdownIt(options: Options, footnotes?: 'full' | 'prefixed' | 'refs'): MarkdownIt {
  const md = new MarkdownIt(options).use(cjkFriendly);
  if (!footnotes) return md;
  md.use(footnote);
  // HTML that goes out unsanitised (no raw HTML in it) carries its ids as the reader's
  Object.assign(
    md.renderer.rules,
    noteRules(footnotes === 'full' ? '' : CLOBBER_PREFIX, md.utils.escapeHtml),
  );
  // remark-gfm knows no inline notes (`^[text]`)
  md.inline.ruler.disable('footnote_inline');
  if (footnotes === 'refs') md.core.ruler.disable('footnote_tail');
  return md;
}

/**
 * Speeds a parser made for bodies the build decoded (LF line endings, no NUL: decode-text.ts), without
 * changing what it makes: markdown-it's own pass that normalises them is left out, and a paragraph with
 * none of the characters that start inline syntax (most of a Chinese article) is one run of text,
 * handed over as such, not scanned again by the inline parser (`:` starts a bare link where bare links
 * are read, and so do `.`, `@` and `/` for linkify's test, which is asked first whether a paragraph may
 * hold one: its own test, a long pattern tried at every character, took 13% of a real-shaped article's
 * time); an address already as markdown-it would write it is taken as it is (its parse and encoding
 * took a fifth of a small post's).
 */
/** Characters mdurl's encoding keeps, and escapes it leaves alone. */
const URL_AS_IS = /^(?:[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]|%[0-9A-Fa-f]{2})*$/;

export function decodedBodies(md: MarkdownIt): MarkdownIt {
  md.core.ruler.disable('normalize');
  const syntax = md.options.linkify ? /[\n\\`~*_[!<&:]/ : /[\n\\`~*_[!<&]/;
  md.core.ruler.at('inline', (state) => {
    for (const tok of state.tokens) {
      if (tok.type !== 'inline') continue;
      if (syntax.test(tok.content)) {
        state.md.inline.parse(tok.content, state.md, state.env, tok.children!);
      } else {
        const text = new state.Token('text', '', 0);
        text.content = tok.content;
        tok.children!.push(text);
      }
    }
  });
  // an address of characters that markdown-it's normalising leaves as they are (most: 103,558 of
  // 103,615 in the bench corpora and fixtures) is not parsed, re-encoded and formatted again
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url) => (URL_AS_IS.test(url) ? url : normalizeLink(url));
  const { linkify } = md;
  const pretest = linkify.pretest.bind(linkify);
  // what linkify's test looks for: a scheme's `:` or `//`, `www.`, a dot before a domain's end, `@`
  linkify.pretest = (text) => (/[.:@/]/.test(text) || /localhost/i.test(text)) && pretest(text);
  return md;
}

/** Text as decodedBodies' parsers expect it: LF line endings, NUL as markdown-it would show it. */
export function decoded(text: string): string {
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text.includes('\0') ? text.replaceAll('\0', '\ufffd') : text;
}

/** A footnote's definition at a line's start (`[^label]:`), as markdown-it-footnote reads one. */
export const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:/gm;

/** The env that makes a body's start render its references (`refs`): the labels the body defines. */
export function footnoteEnv(body: string, start: string, lang: string): MarkdownEnv {
  const env: MarkdownEnv = { lang };
  if (!start.includes('[^')) return env;
  const refs: Record<string, number> = {};
  for (const m of body.matchAll(FOOTNOTE_DEFINITION)) refs[`:${m[1]}`] = -1;
  env.footnotes = { refs };
  return env;
}
