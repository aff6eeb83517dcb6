// A post's body → the HTML of its first screen (first-screen.ts): the paragraphs, headings and
// images it opens with, in the markup the reader's renderer gives them, up to about a phone's screen
// of text. Its largest paint is then the page's own, not the app's (Lighthouse's LCP on an article).
// Nothing of raw HTML is rendered, links and images pass the reader's own URL rules (safeUrl).
import { footnoteEnv, markdownIt } from '../markdown.ts';
import type Token from 'markdown-it/lib/token.mjs';
import { IMAGE_SIZES, IMAGE_WIDTHS, imageSources } from '../../shared/image-sources.ts';
import { isExternal, safeUrl } from '../../shared/safe-url.ts';
import { isSvgPlaceholder } from '../../shared/images.ts';
import { escapeHtml } from '../escape-html.ts';

/** Text (in characters) and blocks the first screen holds at most. */
export const LEAD_CHARS = 360;
export const LEAD_BLOCKS = 6;
/** How much of the body is parsed to find them. */
const PREFIX = 1600;

const md = markdownIt({ html: false, linkify: false }, 'refs');
md.validateLink = () => true; // every address is judged by safeUrl as the reader judges it
md.normalizeLink = (url) => url;

md.renderer.rules.image = (tokens, idx) => {
  const token = tokens[idx]!;
  // a placeholder that draws nothing is not shown (as the reader shows it)
  if (isSvgPlaceholder(token.attrGet('src') ?? '')) return '';
  const src = safeUrl(token.attrGet('src') ?? '', 'src', 'img');
  const alt = escapeHtml(token.content);
  // an address the reader will not load is not shown, as the reader shows it
  if (!src) return '';
  const { tries } = imageSources(src, IMAGE_WIDTHS.article);
  const first = tries[0]!;
  // The article's first image is eager (docs/readers.md); the ones after it lazy.
  const eager = (token.meta as { index?: number } | null)?.index === 0;
  return `<span class="post-image post-image-article"><img src="${escapeHtml(first.src)}"${
    first.srcSet ? ` srcset="${escapeHtml(first.srcSet)}" sizes="${IMAGE_SIZES.article}"` : ''
  } alt="${alt}" loading="${eager ? 'eager' : 'lazy'}"${eager ? ' fetchpriority="high"' : ''} decoding="async" referrerpolicy="no-referrer"></span>`;
};

/** Links the reader would not follow become plain text; links out open without a referrer. */
function judgeLinks(children: Token[]) {
  let open: Token | undefined;
  for (const t of children) {
    if (t.type === 'link_open') {
      open = t;
      const href = safeUrl(t.attrGet('href') ?? '', 'href');
      if (!href) {
        t.tag = 'span';
        t.attrs = [['class', 'dead-link']];
      } else {
        t.attrSet('href', href);
        if (isExternal(href)) {
          t.attrSet('target', '_blank');
          t.attrSet('rel', 'noopener noreferrer');
        }
      }
    } else if (t.type === 'link_close' && open) {
      t.tag = open.tag;
      open = undefined;
    }
  }
}

/**
 * The lines the opening spans, from the block structure alone (the inline parse is the costly half
 * of a parse, and only the opening's blocks need it).
 */
function leadLines(prefix: string, whole: boolean): number {
  const blocks: Token[] = [];
  md.block.parse(prefix, md, {}, blocks);
  // a block cut short by the prefix would be smaller than the reader's: left out
  const limit = whole ? blocks.length : blocks.length - 3;
  let end = 0;
  let lines = 0;
  let chars = 0;
  let count = 0;
  while (end + 2 < limit && chars < LEAD_CHARS && count < LEAD_BLOCKS) {
    const open = blocks[end]!;
    const inline = blocks[end + 1]!;
    if (!(open.type === 'paragraph_open' || open.type === 'heading_open') || open.level !== 0) break;
    // raw HTML is the sanitising renderer's to show, not this one's
    if (/<[a-z!/]/i.test(inline.content)) break;
    chars += inline.content.replace(LINK_TARGET, '$1').length; // text, not addresses
    count++;
    lines = open.map![1];
    end += 3;
  }
  return lines;
}

const LINK_TARGET = /!?\[([^\]]*)\]\([^)]*\)/g;

export function renderLead(body: string): string {
  let prefix = body;
  let whole = true; // whether the prefix ends at a block's end
  if (body.length > PREFIX) {
    const cut = body.lastIndexOf('\n\n', PREFIX);
    whole = cut > 0;
    prefix = body.slice(0, whole ? cut : PREFIX);
  }
  const lines = leadLines(prefix, whole);
  if (lines === 0) return '';
  let at = -1;
  for (let i = 0; i < lines && at < prefix.length; i++) {
    at = prefix.indexOf('\n', at + 1);
    if (at === -1) at = prefix.length;
  }
  const start = prefix.slice(0, at);
  const env = footnoteEnv(body, start, '');
  const tokens = md.parse(start, env);
  let images = 0;
  for (const t of tokens)
    if (t.type === 'inline') {
      for (const c of t.children ?? [])
        if (c.type === 'image' && !isSvgPlaceholder(c.attrGet('src') ?? '')) c.meta = { index: images++ };
      judgeLinks(t.children ?? []);
    }
  return md.renderer.render(tokens, md.options, env);
}
