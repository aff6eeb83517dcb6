// Output in proportion to input: what one post puts into every list, tag page and feed is bounded
// (POST_LIMITS, CUT), and what is cut is said in the report on its line. Inputs are made
// here: a post with 20,000 tags, a 600 KB summary, a 4 MB body.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { siteFiles } from '../../src/node/write-site.ts';
import { runPipeline } from '../../src/node/pipeline.ts';
import { optionsFor } from '../helpers/content-dir.ts';
import { readPost } from '../../src/node/read/read-post.ts';
import { POST_LIMITS, type PostRecord } from '../../src/node/read/normalise-post.ts';
import { readContext } from '../helpers/read-context.ts';
import { feedHtml, feedPart } from '../../src/node/render/html.ts';

function read(text: string): PostRecord {
  const result = readPost('posts/limits.md', new TextEncoder().encode(text), readContext);
  if ('binary' in result) throw new Error(result.binary);
  return result;
}

const issues = (p: PostRecord) => p.issues.map((i) => `${i.severity} ${i.line ?? '-'}: ${i.message}`);

describe('what one post puts into lists', () => {
  test('20,000 tags: the first 64 are kept, with a warning on the tags line', () => {
    const tags = Array.from({ length: 20_000 }, (_, i) => `标签${i}`);
    const post = read(`---\ntitle: 很多标签\ndate: 2024-01-01\ntags: [${tags.join(',')}]\n---\n正文\n`);
    expect(post.tags).toEqual(tags.slice(0, POST_LIMITS.names));
    expect(issues(post)).toEqual(['warning 4: 20000 tags: the first 64 are kept']);
  });

  test('a 600 KB summary is cut to 300 characters, with a warning naming its key', () => {
    const summary = '很长的摘要。'.repeat(100_000);
    const post = read(`---\ntitle: 长摘要\ndate: 2024-01-01\nsummary: ${summary}\n---\n正文\n`);
    expect(post.excerpt).toHaveLength(POST_LIMITS.summary);
    expect(post.excerpt.endsWith('…')).toBe(true);
    expect(issues(post)).toEqual([
      'warning 4: summary is 600000 characters long: cut to 300 for lists and feeds',
    ]);
  });

  test('a title over several thousand characters is cut to 200', () => {
    const post = read(`---\ntitle: ${'标题'.repeat(5000)}\ndate: 2024-01-01\n---\n正文\n`);
    expect(post.title).toHaveLength(POST_LIMITS.title);
    expect(issues(post)).toEqual([
      'warning 2: title is 10000 characters long: cut to 200 for lists and feeds',
    ]);
  });

  test('a tag or author past 60 characters is cut (its folder name stays within 255 bytes)', () => {
    const long = '很'.repeat(500);
    const post = read(
      `---\ntitle: 长标签\ndate: 2024-01-01\ntags: [短, ${long}]\nauthor: ${'长'.repeat(80)}\n---\n正文\n`,
    );
    expect(post.tags).toEqual(['短', `${'很'.repeat(59)}…`]);
    expect(post.authors).toEqual([`${'长'.repeat(59)}…`]);
    expect(Buffer.byteLength(post.tags[1]!)).toBeLessThan(255);
    expect(issues(post)).toEqual([
      `warning 5: 1 of authors longer than 60 characters, cut: "${'长'.repeat(23)}…"`,
      `warning 4: 1 of tags longer than 60 characters, cut: "${'很'.repeat(23)}…"`,
    ]);
  });

  test('a paragraph of 600 KB gives an excerpt of ~120 characters', () => {
    const post = read(`---\ntitle: 长段落\ndate: 2024-01-01\n---\n${'一段没有尽头的话，'.repeat(70_000)}\n`);
    expect(post.excerpt.length).toBeLessThanOrEqual(121);
    expect(issues(post)).toEqual([]);
  });
});

describe('feed items', () => {
  /** Characters feedPart is asked for. */
  const CUT = 20_000;
  const LINK = '<p><a href="https://example.org/posts/a/">阅读全文</a></p>';
  const bytes = (s: string) => Buffer.byteLength(s);

  test.for([
    [
      'Chinese paragraphs, 600 KB',
      Array.from({ length: 20_000 }, (_, i) => `第${i}段，一些中文文字。`).join('\n\n'),
    ],
    [
      'English words',
      Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i} has some words.`).join('\n\n'),
    ],
    [
      'images with long addresses',
      Array.from(
        { length: 3000 },
        (_, i) => `![图${i}](https://mmbiz.qpic.cn/${'x'.repeat(120)}/${i}?wx_fmt=png)`,
      ).join('\n\n'),
    ],
    ['one paragraph of 2 MB', '没有段落的长文'.repeat(300_000)],
    ['a table', `| a | b |\n|---|---|\n${'| 数字 | 12345 |\n'.repeat(30_000)}`],
  ])('%s: an item is within its bytes, its start and a link to the rest', ([, body]) => {
    for (const max of [16_384, 4096]) {
      const html = feedHtml(body!, 'https://example.org/posts/a/', '阅读全文', 'zh-CN', max);
      expect(bytes(html)).toBeLessThanOrEqual(max);
      expect(html.endsWith(LINK)).toBe(true);
      // not the link alone where a start fits (the 2 MB paragraph has no place to cut: its start is cut mid-text)
      expect(bytes(html)).toBeGreaterThan(max / 4);
    }
  });

  test('a post within the bytes is whole, with no link', () => {
    const html = feedHtml(
      '第一段。\n\n第二段。\n',
      'https://example.org/posts/a/',
      '阅读全文',
      'zh-CN',
      4096,
    );
    expect(html).toBe('<p>第一段。</p>\n<p>第二段。</p>\n');
  });

  test('a body that fits is whole; a larger one is cut after a paragraph, with a link to the article', () => {
    expect(feedPart('短文\n', CUT)).toBeUndefined();
    const body = Array.from({ length: 4000 }, (_, i) => `第${i}段，一些文字。`).join('\n\n');
    const part = feedPart(body, CUT)!;
    expect(part.length).toBeLessThanOrEqual(CUT);
    expect(part.length).toBeGreaterThan(CUT - 20);
    expect(body.startsWith(part)).toBe(true);
    expect(body.slice(part.length, part.length + 2)).toBe('\n\n');
    const html = feedHtml(body, 'https://example.org/posts/a/?x=1&y="2"', '阅读全文', 'zh-CN', 100_000);
    expect(
      html.endsWith('<p><a href="https://example.org/posts/a/?x=1&amp;y=&quot;2&quot;">阅读全文</a></p>'),
    ).toBe(true);
    expect(html).not.toContain('第3999段');
  });

  test('the cut never falls inside a fenced code block', () => {
    const before = '前文。\n\n'.repeat(2000);
    const code = '```\n' + 'code line\n\n'.repeat(3000) + '```\n';
    const part = feedPart(before + code + '后文。\n', CUT)!;
    expect(part).toBe(before);
  });

  test('a fence of tildes holding backtick lines is one fence, closed by a longer run', () => {
    const before = '前文。\n\n'.repeat(2000);
    const code = '~~~~\n' + '```\n\ncode\n\n'.repeat(3000) + '~~~~~\n';
    expect(feedPart(before + code + '后文。\n', CUT)).toBe(before);
    // closed before the cut: the cut is a paragraph's end after it
    const short = '~~~\ncode\n~~~\n\n';
    const part = feedPart(short + '段落，一些文字。\n\n'.repeat(3000), CUT)!;
    expect(part.startsWith(short)).toBe(true);
    expect(part.length).toBeGreaterThan(CUT - 20);
  });
});

test('a site of a post with 20,000 tags and one with a 600 KB summary stays a small multiple of them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-limits-'));
  fs.mkdirSync(path.join(dir, 'posts'));
  const tags = Array.from({ length: 20_000 }, (_, i) => `标签${i}`).join(',');
  const files = {
    'many-tags.md': `---\ntitle: 很多标签\ndate: 2024-01-01\ntags: [${tags}]\n---\n正文\n`,
    'long-summary.md': `---\ntitle: 长摘要\ndate: 2024-01-02\nsummary: ${'很长的摘要。'.repeat(100_000)}\n---\n正文\n`,
  };
  let input = 0;
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, 'posts', name), text);
    input += Buffer.byteLength(text);
  }
  const result = runPipeline(optionsFor(dir), { now: readContext.now });
  const shell = '<!doctype html><html><head><title>x</title></head><body><div id="root"></div></body></html>';
  let output = 0;
  let tagPages = 0;
  for (const [name, file] of siteFiles(result, shell, '/')) {
    output += typeof file === 'string' ? Buffer.byteLength(file) : 'copy' in file ? 0 : file.length;
    if (/^tags\/[^/]+\/index\.html$/.test(name)) tagPages++;
  }
  expect(tagPages).toBe(POST_LIMITS.names);
  expect(output).toBeLessThan(3 * input);
});
