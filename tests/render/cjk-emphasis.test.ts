// Emphasis beside Chinese punctuation (tests/fixtures/articles/): the build reads it with
// markdown-it-cjk-friendly, the reader with remark-cjk-friendly, and they agree. Every post of every
// fixture is rendered three ways, the build's feeds' and articles' and react-markdown's (the unified
// pipeline, with the chunks a standalone page loads), and their texts compared. The reader fetches
// its CJK-friendly parser only where mayNeedCjkEmphasis says a text may need it: random texts check
// that it never misses one.
import path from 'node:path';
import fc from 'fast-check';
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { cjkPlugins } from '../../src/client/features/reader/lib/cjk-plugins.ts';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { markdownIt } from '../../src/node/markdown.ts';
import { runPipeline } from '../../src/node/pipeline.ts';
import { bodyOf } from '../../src/node/read/load-body.ts';
import { renderHtml } from '../../src/node/render/html.ts';
import { articleHtml } from '../../src/node/render/article.ts';
import { mayNeedCjkEmphasis } from '../../src/shared/cjk-emphasis.ts';
import { sanitizeSchema } from '../../src/shared/sanitize-schema.ts';
import { CLOBBER_PREFIX, followPrefixedIds, footnoteOptions } from '../../src/shared/footnotes.ts';
import { messagesFor } from '../../src/shared/messages/titles.ts';
import { fixtures, optionsFor } from '../helpers/content-dir.ts';
import MarkdownIt from 'markdown-it';

/** The text of a tree, every space removed (the two renderers put line breaks in different places). */
function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c as Nodes)).join('');
  return '';
}
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The reader's rendering of a body: react-markdown's pipeline with the chunks ArticleView loads. */
function readerText(body: string, rawHtml: boolean): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(mayNeedCjkEmphasis(body) ? cjkPlugins : [])
    .use(remarkRehype, {
      ...footnoteOptions(messagesFor('zh-CN')),
      clobberPrefix: rawHtml ? '' : CLOBBER_PREFIX,
      allowDangerousHtml: rawHtml,
    })
    .use(rawHtml ? [rehypeRaw, [rehypeSanitize, sanitizeSchema], followPrefixedIds] : []);
  return squeeze(textOf(processor.runSync(processor.parse(body)) as Nodes));
}

/** The build's rendering (feeds' HTML, sanitised by the same schema). */
const buildText = (body: string) =>
  squeeze(textOf(fromHtml(renderHtml(body, 'https://example.org/posts/x/', 'zh-CN'), { fragment: true })));

describe('the build and the reader read every fixture alike', () => {
  const sets = ['articles', 'site', 'hostile', 'jekyll', 'mzlogin', 'rules', 'search'].map((f) =>
    path.join(fixtures, f),
  );
  sets.push(path.resolve(__dirname, '../../content'));
  test.each(sets)('%s', (content) => {
    const set = path.basename(content);
    const { posts } = runPipeline(optionsFor(content), { now: Date.parse('2026-01-01T00:00:00Z') });
    expect(posts.length).toBeGreaterThan(0);
    // (the last to differ: footnotes, task lists, `~~` beside Chinese punctuation, a bare link's text)
    const article = (p: (typeof posts)[number]) =>
      squeeze(textOf(fromHtml(articleHtml(bodyOf(p), p.headings, p.rawHtml, 'zh-CN'), { fragment: true })));
    const differ = posts
      .filter((p) => {
        const reader = readerText(bodyOf(p), p.rawHtml);
        return buildText(bodyOf(p)) !== reader || article(p) !== reader;
      })
      .map((p) => `${set}:${p.path}`);
    expect(differ).toEqual([]);
  });
});

describe('bold beside Chinese punctuation', () => {
  const { posts } = runPipeline(optionsFor(path.join(fixtures, 'articles')));
  const post = posts.find((p) => p.title === '加粗紧挨着中文标点')!;
  const html = renderHtml(bodyOf(post), 'https://example.org/posts/x/');

  test('is bold in the build: no literal ** or __ left', () => {
    expect([...html.matchAll(/<strong>(.*?)<\/strong>/g)].map((m) => m[1])).toEqual([
      '她最先求助的是父亲董守仁。',
      '「机会成本」',
      '学历本身',
      '问题：读研值得吗？',
      '约 38.9%（2013年）',
      'bold',
    ]);
    expect(html).toContain('<em>斜体：也一样。</em>');
    // `__` keeps CommonMark's rules in both renderers (the CJK-friendly extensions change `*` only)
    expect(html).toContain('__下划线加粗，紧挨着句号。__后面还有字。');
    expect(html.replaceAll('__', '').replace('2**3', '')).not.toMatch(/\*\*/);
  });

  test('its excerpt is plain text', () => {
    expect(post.excerpt).toMatch(
      /^她最先求助的是父亲董守仁。2024年3月，事情有了转机。这件事的关键是「机会成本」的计算/,
    );
    expect(post.excerpt).not.toContain('**');
  });

  test('plain CommonMark would have left the ** (what this fixes)', () => {
    expect(new MarkdownIt().render(bodyOf(post))).toContain('**她最先求助的是父亲董守仁。**2024年');
  });
});

test('a text mayNeedCjkEmphasis passes over reads the same with and without the CJK-friendly rules', () => {
  const plain = new MarkdownIt();
  const friendly = markdownIt({});
  const piece = fc.constantFrom(
    ...[
      '**',
      '*',
      '~~',
      '__',
      '_',
      '***',
      ' ',
      '\n',
      'a',
      'Z',
      '1',
      '.',
      ',',
      '(',
      ')',
      '"',
      '。',
      '，',
      '「',
      '」',
    ],
    ...['（', '）', '中', '文', 'か', '한', '！', '？', '：', '…', '—', '“', '”', '\u3000', '\ufe0f', '😀'],
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
      const text = pieces.join('');
      if (mayNeedCjkEmphasis(text)) return;
      expect(friendly.render(text)).toBe(plain.render(text));
    }),
    { numRuns: 5000 },
  );
});
