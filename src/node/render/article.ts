// A post's body → the article's HTML, whole, as its entry page carries it and the app shows it: read
// once at build time, not again by the reader's browser (a real 4 MB post took micromark 6.5 s on this
// machine; a phone would take longer). In: the body, its headings (their ids), whether it holds raw
// HTML, the site's language. Out: the article's markup (the reader's classes: image boxes, dead
// links, footnotes), sanitised by the reader's schema.
//
// Two ways, one markup: a body without raw HTML is rendered by markdown-it's rules alone (nothing in it
// can be markup: every address is judged by safeUrl); a body with raw HTML goes through parse5 and
// the sanitiser (hast-util-sanitize, the reader's schema) first, then the same image and link rules
// over the tree. A test renders the fixtures both ways and compares them.
import type Token from 'markdown-it/lib/token.mjs';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import type { Heading } from '../../shared/contract.ts';
import { followPrefixedIds } from '../../shared/footnotes.ts';
import { IMAGE_SIZES, IMAGE_WIDTHS, imageSources } from '../../shared/image-sources.ts';
import { imageAddress, isSvgPlaceholder, knownShape, type ImageShape } from '../../shared/images.ts';
import { messagesFor } from '../../shared/messages/titles.ts';
import { isExternal, safeUrl } from '../../shared/safe-url.ts';
import { escapeHtml } from '../escape-html.ts';
import { decoded, FOOTNOTE_DEFINITION, type MarkdownEnv } from '../markdown.ts';
import { bodyMarkdown, sanitised, type HastNode } from './html.ts';
import { bodyPieces } from '../read/analyse-body.ts';

interface ArticleEnv extends MarkdownEnv {
  headings: Heading[];
  /** Headings given their id so far. */
  heading: number;
  /** The id of the heading being rendered, for its link to itself. */
  open?: string;
  /** Images shown so far. */
  images: number;
}

/**
 * An article's image as the reader's image component draws it: a box of the image's shape where the
 * markup tells it (else 4:3 until it loads), the sized route first, the first image eager; a link to
 * the original around it (the image viewer with script, the image itself without).
 */
export function articleImage(src: string, alt: string, n: number, shape: ImageShape, lang: string): string {
  const { tries, original } = imageSources(src, IMAGE_WIDTHS.article);
  const first = tries[0]!;
  const eager = n === 1;
  const style = [
    shape.ratio ? `aspect-ratio:${shape.ratio}` : '',
    shape.width ? `width:${shape.width}px` : '',
  ].filter(Boolean);
  const img = `<img src="${escapeHtml(first.src)}"${
    first.srcSet ? ` srcset="${escapeHtml(first.srcSet)}" sizes="${IMAGE_SIZES.article}"` : ''
  } alt="${escapeHtml(alt.trim() || messagesFor(lang).image(n))}" loading="${eager ? 'eager' : 'lazy'}"${
    eager ? ' fetchpriority="high"' : ''
  } decoding="async" referrerpolicy="no-referrer">`;
  const link = safeUrl(original, 'href');
  return `<span class="post-image post-image-article"${
    style.length > 0 ? ` style="${style.join(';')}"` : ''
  }>${
    link
      ? `<a class="post-image-open" href="${escapeHtml(link)}" target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">${img}</a>`
      : img
  }</span>`;
}

/**
 * A heading's link to itself, at its end: the mark is drawn by the style sheet (no text, so the
 * heading's text, its search passages and its table-of-contents entry stay as they are); the app
 * copies the address on a tap. Hidden from screen readers and left out of the tab order (its name
 * would be read as part of every heading's; the table of contents leads to each heading), named by
 * its tooltip for a pointer.
 */
export const headingAnchor = (id: string, lang: string): string =>
  `<a class="heading-anchor" href="#${escapeHtml(id)}" aria-hidden="true" tabindex="-1" title="${escapeHtml(messagesFor(lang).headingLink)}"></a>`;

/** A link's attributes as the reader gives them: its address judged; out of the site, a new tab. */
function judgeLink(href: string | undefined): { href: string; external: boolean } | undefined {
  const safe = href === undefined ? undefined : safeUrl(href, 'href');
  return safe ? { href: safe, external: isExternal(safe) } : undefined;
}

function article(html: boolean) {
  const md = bodyMarkdown(html);
  // depth-2 and -3 headings carry the ids the build worked out (the table of contents links to them)
  md.renderer.rules.heading_open = (tokens, idx, options, env: ArticleEnv, self) => {
    const token = tokens[idx]!;
    const heading = env.headings[env.heading];
    if ((token.tag === 'h2' || token.tag === 'h3') && heading) {
      token.attrSet('id', heading.id);
      env.heading++;
      // (a raw-HTML body's ids are prefixed by the sanitiser: its links are added over the tree)
      if (!html) env.open = heading.id;
    }
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.heading_close = (tokens, idx, options, env: ArticleEnv, self) => {
    const id = env.open;
    env.open = undefined;
    return (
      (id === undefined ? '' : headingAnchor(id, env.lang ?? '')) + self.renderToken(tokens, idx, options)
    );
  };
  if (html) return md; // images and links: over the sanitised tree (readerMarkup)
  md.renderer.rules.image = (tokens, idx, options, env: ArticleEnv, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet('src') ?? '';
    const safe = !isSvgPlaceholder(src) && safeUrl(src, 'src', 'img');
    if (!safe) return ''; // as the reader: neither a placeholder nor an address it refuses is shown
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    return articleImage(safe, alt, ++env.images, {}, env.lang ?? '');
  };
  md.core.ruler.push('folio_links', (state: StateCore) => {
    for (const block of state.tokens) if (block.type === 'inline') judgeLinks(block.children ?? []);
  });
  return md;
}

/** Links the reader would not follow become plain text; links out open in a new tab, without a referrer. */
function judgeLinks(children: Token[]) {
  const open: Token[] = [];
  for (const t of children) {
    if (t.type === 'link_open') {
      open.push(t);
      const link = judgeLink(t.attrGet('href') ?? undefined);
      if (!link) {
        t.tag = 'span';
        t.attrs = [['class', 'dead-link']];
      } else {
        t.attrSet('href', link.href);
        if (link.external) {
          t.attrSet('target', '_blank');
          t.attrSet('rel', 'noopener noreferrer');
        }
      }
    } else if (t.type === 'link_close') t.tag = open.pop()?.tag ?? t.tag;
  }
}

const plain = article(false);
const raw = article(true);

/** The sanitised tree of a raw-HTML body in the reader's markup: its images' boxes, its links judged. */
function readerMarkup(tree: HastNode, lang: string): void {
  let images = 0;
  const walk = (node: HastNode, inNotes = false) => {
    const kids = node.children;
    if (!kids) return;
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i]!;
      const p = child.properties;
      if (child.type === 'element' && child.tagName === 'img' && p) {
        const address = imageAddress(p);
        const safe = address && safeUrl(address, 'src', 'img');
        kids[i] = safe
          ? { type: 'raw', value: articleImage(safe, String(p.alt ?? ''), ++images, knownShape(p), lang) }
          : { type: 'text', value: '' };
        continue;
      }
      // (the notes' own heading is their section's, as in a body without raw HTML: no link to itself)
      const heading = child.tagName === 'h2' || child.tagName === 'h3';
      if (child.type === 'element' && heading && p?.id && !inNotes) {
        walk(child);
        child.children!.push({ type: 'raw', value: headingAnchor(String(p.id), lang) });
        continue;
      }
      if (child.type === 'element' && child.tagName === 'a' && p) {
        const link = judgeLink(typeof p.href === 'string' ? p.href : undefined);
        if (!link) {
          child.tagName = 'span';
          child.properties = { className: ['dead-link'] };
        } else {
          p.href = link.href;
          if (link.external) Object.assign(p, { target: '_blank', rel: ['noopener', 'noreferrer'] });
        }
      }
      walk(child, inNotes || (child.tagName === 'section' && p !== undefined && 'dataFootnotes' in p));
    }
  };
  walk(tree);
}

/**
 * A string made of many joined pieces (markdown-it's renderer adds a token at a time) as one run of
 * characters: V8 flattens a string it reads as a number. The tree of pieces is then let go of at once,
 * not kept alive while the rest of a long body renders (a 2 MB body cost 1.3× ten bodies of a tenth,
 * its earlier pieces' trees copied by every collection after).
 */
function flat(text: string): string {
  Number(text);
  return text;
}

/** Characters of body rendered at a time, at least (bodyPieces: where a top-level block starts). */
const PIECE = 65_536;
const HAS_NOTES = new RegExp(FOOTNOTE_DEFINITION.source, 'm');

/**
 * The whole article's HTML: what its entry page holds and the app shows. A long body is rendered a
 * piece at a time, as it is analysed (one token list of a 6 MB body spent 40% of its time in the
 * collector, and ten times the body cost 14–15 times the time); one with footnotes whole (their
 * definitions and references must meet in one parse).
 */
export function articleHtml(
  body: string,
  headings: Heading[],
  rawHtml: boolean,
  lang: string,
  /** Characters rendered at a time, at least (tests compare it with a whole render). */
  piece = PIECE,
): string {
  const env: ArticleEnv = { lang, headings, heading: 0, images: 0 };
  body = decoded(body);
  const pieces = body.includes('[^') && HAS_NOTES.test(body) ? [body] : bodyPieces(body, piece);
  if (!rawHtml) {
    let html = '';
    for (const piece of pieces) html += flat(plain.render(piece, env));
    return html;
  }
  // each piece sanitised alone (whole and balanced), in-page links and images over them all
  const tree: Root = { type: 'root', children: [] };
  for (const piece of pieces) {
    const part = sanitised(raw.render(piece, env));
    tree.children.push(...part.children);
  }
  followPrefixedIds()(tree);
  readerMarkup(tree as HastNode, lang);
  return toHtml(tree, { allowDangerousHtml: true });
}
