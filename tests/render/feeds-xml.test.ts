// Every feed and sitemap of every fixture, and of a post made of what XML forbids, read by a strict XML
// 1.0 parser (jsdom's DOMParser, which reports a parse error as a <parsererror> document): a feed reader drops a
// feed that is not XML whole, so one post's character must never cost every post its readers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { emitFeeds } from '../../src/node/render/feeds.ts';
import { emitHostFiles } from '../../src/node/render/host-files.ts';
import { runPipeline } from '../../src/node/pipeline.ts';
import { fixtures, optionsFor } from '../helpers/content-dir.ts';

const { DOMParser } = new JSDOM('').window;
const htmlText = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';

/** The parser's complaint, or '' for a well-formed document. */
function xmlError(text: string): string {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  return doc.getElementsByTagName('parsererror')[0]?.textContent ?? '';
}

/** Every XML file a build of `content` writes for its feeds and sitemap, by name. */
function xmlFiles(content: string): Map<string, string> {
  const result = runPipeline(optionsFor(content, { siteUrl: 'https://example.org' }));
  const site = result.data.manifest.site;
  const out = new Map<string, string>();
  for (const [name, text] of emitFeeds(result.posts, result.data.facets, { site, base: '/' }))
    if (name.endsWith('.xml')) out.set(name, text);
  for (const [name, text] of emitHostFiles([...result.data.routes.keys()], new Map(), site, '/'))
    if (name.endsWith('.xml')) out.set(name, text);
  return out;
}

test('the parser is strict: it refuses what XML forbids', () => {
  expect(xmlError('<a>\u0001</a>')).not.toBe('');
  expect(xmlError('<a>\ud800</a>')).not.toBe('');
  expect(xmlError('<a b="<"/>')).not.toBe('');
  expect(xmlError('<a><![CDATA[x]]>]]></a>')).not.toBe('');
  expect(xmlError('<a><![CDATA[x]]]]><![CDATA[>]]></a>')).toBe('');
});

const SETS = [
  ...['site', 'hostile', 'jekyll', 'mzlogin', 'rules', 'search'].map((f) => path.join(fixtures, f)),
  path.resolve(__dirname, '../../content'),
];

describe.each(SETS)('every feed of %s is XML', (content) => {
  test('well-formed, each of them', () => {
    const files = xmlFiles(content);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['feed.xml', 'atom.xml', 'sitemap.xml']));
    for (const [name, text] of files) expect({ name, error: xmlError(text) }).toEqual({ name, error: '' });
  });
});

describe('a post made of what XML forbids', () => {
  // Front matter's double-quoted YAML can spell any code unit, a lone surrogate too; the body carries
  // the control characters as they are.
  const FORBIDDEN = String.raw`\x00\x01\x08\x0b\x0c\x0e\x1f\uFFFE\uFFFF\uD800-\uDFFF`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-xml-'));
  fs.mkdirSync(path.join(dir, 'posts'));
  fs.writeFileSync(
    path.join(dir, 'posts', '2024-02-01-forbidden.md'),
    [
      '---',
      `title: "标题${FORBIDDEN} ]]> <b>粗</b> & \\"引\\" ]]>"`,
      `tags: ["<b>粗体</b>", "a\\"b&c", "]]>", "x${FORBIDDEN}y"]`,
      `categories: ["<i>斜</i>"]`,
      `author: "<script>alert(1)</script>${FORBIDDEN}"`,
      `summary: "摘要 ]]> ${FORBIDDEN} <em>x</em>"`,
      '---',
      '',
      `正文\u0001\u0002\u001b ]]> 和 ]]]]> 与 <![CDATA[ x ]]>`,
      '',
      '```',
      'code ]]> \u0007 <![CDATA[',
      '```',
      '',
      '<b>粗体</b> &amp; ]]>',
      '',
    ].join('\n'),
  );
  const files = xmlFiles(dir);

  test('every feed holding it is XML', () => {
    // the home feeds, the sitemap, and each of its tags', category's and author's feeds
    expect(files.size).toBeGreaterThanOrEqual(3 + 4 + 1 + 1);
    for (const [name, text] of files) expect({ name, error: xmlError(text) }).toEqual({ name, error: '' });
  });

  test('its text is kept, less the forbidden characters', () => {
    const atom = new DOMParser().parseFromString(files.get('atom.xml')!, 'application/xml');
    const entry = atom.getElementsByTagName('entry')[0]!;
    // Atom's title is HTML text: a reader unescapes it once more
    const title = entry.getElementsByTagName('title')[0]!.textContent!;
    expect(htmlText(title)).toBe('标题- ]]> <b>粗</b> & "引" ]]>');
    const labels = [...entry.getElementsByTagName('category')].map((c) => c.getAttribute('label'));
    expect(labels).toEqual(expect.arrayContaining(['<b>粗体</b>', 'a"b&c', ']]>', 'x-y', '<i>斜</i>']));
    // the content is HTML too: its text, read as a feed reader reads it
    const html = entry.getElementsByTagName('content')[0]!.textContent!;
    const content = htmlText(html);
    // (an inline `<![CDATA[…]]>` is raw HTML, which sanitising drops)
    expect(content).toContain('正文 ]]> 和 ]]]]> 与');
    expect(content).toContain('code ]]>  <![CDATA[');
    expect(content).toContain('粗体 & ]]>');
    // eslint-disable-next-line no-control-regex -- those are what must be gone
    expect(html).not.toMatch(/[\u0000-\u0008\u001b]/);
  });
});

describe('what the site feed carries of a post (feedContent, feedItemBytes)', () => {
  // 60 real-shaped posts of ~100 KB each (a Q&A compilation's answers, bold, images), summaries of markup
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-feed-size-'));
  fs.mkdirSync(path.join(dir, 'posts'));
  for (let i = 0; i < 60; i++)
    fs.writeFileSync(
      path.join(dir, 'posts', `p${i}.md`),
      `---\ntitle: 第${i}篇\ndate: 2024-01-01T00:${String(i).padStart(2, '0')}:00+08:00\nsummary: '第${i}篇的摘要：x < y & z'\n---\n${Array.from({ length: 1500 }, (_, j) => `### 知乎用户 ${j} 发表\n\n**回答**，一些中文文字和 some English words。\n\n![](https://mmbiz.qpic.cn/${j}.png)`).join('\n\n')}\n`,
    );
  const feeds = (over: Parameters<typeof optionsFor>[1]) => {
    const options = optionsFor(dir, { siteUrl: 'https://example.org', ...over });
    const result = runPipeline(options);
    return new Map(
      emitFeeds(result.posts, result.data.facets, {
        site: result.data.manifest.site,
        base: '/',
        ...result.feeds,
      }),
    );
  };
  const items = (rss: string) =>
    [...rss.matchAll(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/g)].map((m) => m[1]!);

  test('full content by default, each item within its bytes: the home feed is bounded whatever its posts weigh', () => {
    for (const [itemBytes, feedBytes] of [
      [undefined, 50 * (16_384 + 1500)],
      [4096, 50 * (4096 + 1500)],
    ] as const) {
      const files = feeds(itemBytes ? { feedItemBytes: itemBytes } : {});
      const rss = files.get('feed.xml')!;
      const contents = items(rss);
      expect(contents).toHaveLength(50);
      for (const html of contents) {
        expect(Buffer.byteLength(html)).toBeLessThanOrEqual(itemBytes ?? 16_384);
        expect(html).toContain('知乎用户 0 发表');
        expect(html).toMatch(/<p><a href="https:\/\/example\.org\/posts\/p\d+\/">阅读全文<\/a><\/p>$/);
      }
      for (const name of ['feed.xml', 'atom.xml', 'feed.json'])
        expect(Buffer.byteLength(files.get(name)!), name).toBeLessThan(feedBytes);
    }
  });

  test('summary: each item is its summary, escaped, and the link', () => {
    const files = feeds({ feedContent: 'summary' });
    const contents = items(files.get('feed.xml')!);
    expect(contents[0]).toBe(
      '<p>第59篇的摘要：x &lt; y &amp; z</p>\n<p><a href="https://example.org/posts/p59/">阅读全文</a></p>',
    );
    const json = JSON.parse(files.get('feed.json')!) as { items: { content_html: string }[] };
    expect(json.items[0]!.content_html).toBe(contents[0]);
    expect(files.get('feed.xml')!).not.toContain('知乎用户');
  });

  test.for([
    [{ feedContent: 'all' }, 'folio: feedContent must be "full" or "summary", not "all"'],
    [{ feedItemBytes: 100 }, 'folio: feedItemBytes must be a whole number of bytes from 1024, not 100'],
  ] as const)('%o is refused', ([over, message]) => {
    expect(() => optionsFor(dir, over as Parameters<typeof optionsFor>[1])).toThrow(message);
  });
});
