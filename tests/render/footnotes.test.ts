// Footnotes (issue 25, point 5): the reader's renderer (remark-gfm → remark-rehype, with the raw-HTML
// chunk for posts that have raw HTML) and the build's (feeds: markdown-it-footnote, sanitised; the
// first screen: references only) give the same markup, every in-page link has its target once
// sanitised, and the notes' heading is in the site's language.
import type { Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { feedHtml, renderHtml } from '../../src/node/render/html.ts';
import { articleHtml } from '../../src/node/render/article.ts';
import { CLOBBER_PREFIX, followPrefixedIds, footnoteOptions } from '../../src/shared/footnotes.ts';
import { messagesFor } from '../../src/shared/messages/titles.ts';
import { sanitizeSchema } from '../../src/shared/sanitize-schema.ts';

const PAGE = 'https://example.org/posts/x/';

/** The reader's tree of a body, as MarkdownBody builds it. */
function reader(body: string, rawHtml: boolean, lang = 'zh-CN'): Root {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, {
      ...footnoteOptions(messagesFor(lang)),
      clobberPrefix: rawHtml ? '' : CLOBBER_PREFIX,
      allowDangerousHtml: rawHtml,
    })
    .use(rawHtml ? [rehypeRaw, [rehypeSanitize, sanitizeSchema], followPrefixedIds] : []);
  return processor.runSync(processor.parse(body)) as Root;
}

const build = (body: string, lang = 'zh-CN') => fromHtml(renderHtml(body, PAGE, lang), { fragment: true });

interface Anchors {
  ids: string[];
  /** In-page links, their targets (a feed's are absolute: the page's address, then `#`). */
  links: string[];
  text: string;
}

function anchors(tree: Nodes): Anchors {
  const out: Anchors = { ids: [], links: [], text: '' };
  const walk = (node: Nodes) => {
    if (node.type === 'text') out.text += node.value;
    if (node.type === 'element') {
      const { id, href } = node.properties;
      if (typeof id === 'string') out.ids.push(id);
      if (typeof href === 'string' && href.includes('#')) out.links.push(href.slice(href.indexOf('#') + 1));
    }
    if ('children' in node) for (const c of node.children) walk(c as Nodes);
  };
  walk(tree);
  out.text = out.text.replace(/\s+/g, '');
  return out;
}

const NOTES = [
  '正文说到数据库[^1]，又说到托管[^note]，再提数据库[^1]。',
  '',
  '[^1]: 数据在构建时就写成了文件。',
  '[^note]: 任何静态主机都行，',
  '    第二行缩进，仍属这条脚注。',
  '',
].join('\n');
const RAW = `<p>原网页的 <b>HTML</b>。</p>\n\n${NOTES}`;
const CHINESE_LABEL = '见注释[^注一]。\n\n[^注一]: 中文标签。\n';

describe('footnotes', () => {
  test.each([
    ['no raw HTML', NOTES, false],
    ['raw HTML', RAW, true],
    ['a Chinese label', CHINESE_LABEL, false],
  ])(
    'with %s: every in-page link has its target, once prefixed, in the reader and the feed alike',
    (_, body, raw) => {
      const mine = anchors(reader(body, raw));
      const sanitised = raw ? mine : anchors(reader(body, true));
      const feed = anchors(build(body));
      for (const a of [mine, sanitised, feed]) {
        expect(a.ids.length).toBeGreaterThan(2);
        // (remark-rehype leaves the notes' heading unprefixed where nothing sanitises after it)
        for (const id of a.ids)
          expect(id.startsWith(CLOBBER_PREFIX) || (a === mine && !raw && id === 'footnote-label')).toBe(true);
        expect(a.ids.filter((id) => id.startsWith(`${CLOBBER_PREFIX}${CLOBBER_PREFIX}`))).toEqual([]);
        for (const target of a.links) expect(a.ids).toContain(target);
      }
      // a feed is sanitised as a post with raw HTML is in the reader: the very same ids and links
      expect(feed.ids).toEqual(sanitised.ids);
      expect(feed.links).toEqual(sanitised.links);
      expect(feed.text).toBe(mine.text);
    },
  );

  test('two references to one note: two ids, two ways back', () => {
    const { ids, links } = anchors(reader(NOTES, false));
    expect(ids).toEqual([
      'user-content-fnref-1',
      'user-content-fnref-note',
      'user-content-fnref-1-2',
      'footnote-label',
      'user-content-fn-1',
      'user-content-fn-note',
    ]);
    expect(links.filter((l) => l.startsWith('user-content-fnref-'))).toEqual([
      'user-content-fnref-1',
      'user-content-fnref-1-2',
      'user-content-fnref-note',
    ]);
    expect(anchors(build(NOTES)).ids).toEqual(
      ids.map((id) => (id === 'footnote-label' ? CLOBBER_PREFIX + id : id)),
    );
  });

  test("the notes' heading and their way back are in the site's language", () => {
    const zh = renderHtml(NOTES, PAGE, 'zh-CN');
    expect(zh).toContain('<h2 id="user-content-footnote-label">脚注</h2>');
    expect(zh).toContain('aria-label="返回引用 1-2"');
    expect(renderHtml(NOTES, PAGE, 'en')).toContain('<h2 id="user-content-footnote-label">Footnotes</h2>');
    expect(toHtml(reader(NOTES, false, 'en'))).toContain('<h2 id="footnote-label">Footnotes</h2>');
    expect(toHtml(reader(NOTES, true))).toContain('<h2 id="user-content-footnote-label">脚注</h2>');
  });

  test('a feed item cut before its notes still carries the notes its references need', () => {
    const body = `${'一段很长的正文，引用了脚注[^1]。\n\n'}${'填充的段落，一些文字。\n\n'.repeat(3000)}[^1]: 文末的脚注。\n`;
    const html = feedHtml(body, PAGE, '阅读全文', 'zh-CN');
    expect(html).toContain('文末的脚注');
    expect(html).not.toContain('[^1]');
    const { ids, links } = anchors(fromHtml(html, { fragment: true }));
    for (const target of links.filter((l) => l.startsWith('user-content-'))) expect(ids).toContain(target);
  });

  test("the article's notes are the reader's: numbered, linked, prefixed, every link landing", () => {
    for (const raw of [false, true]) {
      const html = articleHtml(`${NOTES}\n后文。`, [], raw, 'zh-CN');
      expect(html).toMatch(
        /<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref(="")? aria-describedby="(user-content-)?footnote-label">1<\/a><\/sup>/,
      );
      expect(html).toContain('id="user-content-fnref-1-2"');
      expect(html).not.toContain('[^');
      const article = anchors(fromHtml(html, { fragment: true }));
      expect(article.links.length).toBeGreaterThan(0);
      for (const target of article.links) expect(article.ids).toContain(target);
      // the same ids and links as the reader's renderer gives
      const theirs = anchors(reader(`${NOTES}\n后文。`, raw));
      expect(article.links).toEqual(theirs.links);
      expect(article.text).toBe(theirs.text);
    }
    // a reference to no note stays as it is written, as in the reader
    expect(articleHtml('没有这条注释[^9]。\n', [], false, 'zh-CN')).toContain('[^9]');
  });
});
