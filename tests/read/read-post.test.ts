// Ingestion rules 2–12, one fixture per case (tests/fixtures/rules/), read as the pipeline reads them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readPost } from '../../src/node/read/read-post.ts';
import type { NormaliseContext, PostRecord } from '../../src/node/read/normalise-post.ts';
import { readContext } from '../helpers/read-context.ts';

const dir = path.resolve(__dirname, '../fixtures/rules');
const ctx = readContext;

function read(file: string, over: Partial<NormaliseContext> = {}): PostRecord {
  const result = readPost(file, fs.readFileSync(path.join(dir, file)), { ...ctx, ...over });
  if ('binary' in result) throw new Error(`${file}: ${result.binary}`);
  return result;
}

type Expect = Partial<
  Pick<
    PostRecord,
    | 'title'
    | 'authors'
    | 'tags'
    | 'categories'
    | 'slugBase'
    | 'excerpt'
    | 'excluded'
    | 'rawHtml'
    | 'imageCount'
    | 'readingMinutes'
    | 'wordCount'
    | 'body'
    | 'lang'
  >
> & {
  date?: string | null;
  updated?: string;
  /** Every issue, as `severity line: message` prefixes (line omitted when none). */
  issues?: string[];
};

const cases: [file: string, expected: Expect][] = [
  // Rule 2: bytes
  ['encoding-bom.md', { title: '编码', body: '正文\n', issues: [] }],
  ['encoding-utf16le.md', { title: '编码', body: '正文\n', issues: ['warning: file is UTF-16 LE; decoded'] }],
  ['encoding-utf16be.md', { title: '编码', body: '正文\n', issues: ['warning: file is UTF-16 BE; decoded'] }],
  ['encoding-invalid-utf8.md', { title: '编码', issues: ['error 6: invalid UTF-8 bytes'] }],
  ['encoding-crlf.md', { title: '编码', body: '正文\n', date: '2020-01-01T00:00:00+08:00', issues: [] }],
  ['encoding-cr.md', { title: '编码', body: '正文\n', issues: [] }],
  [
    'encoding-mixed-line-endings.md',
    {
      title: '混合',
      body: 'line one\nline two\nline three\n',
      date: '2020-01-01T00:00:00+08:00',
      issues: [],
    },
  ],
  ['nul-bytes-late.md', { title: 'nul', issues: ['warning: NUL characters removed'] }],
  // Rule 3: front matter
  [
    'no-front-matter.md',
    { title: '只有正文', date: null, issues: ['warning: no front matter', 'error: no date'] },
  ],
  [
    '2020-01-01-empty-front-matter.md',
    { title: 'Empty Front Matter', date: '2020-01-01T00:00:00+08:00', body: 'Body.\n', issues: [] },
  ],
  ['closer-dots.md', { title: 'Dots closer', body: 'Body.\n', issues: [] }],
  ['opener-trailing-spaces.md', { title: 'Trailing spaces', body: 'Body.\n', issues: [] }],
  [
    '2020-01-01-yaml-unclosed-quote.md',
    {
      title: 'Yaml Unclosed Quote',
      date: '2020-01-01T00:00:00+08:00',
      body: 'Body survives.\n',
      issues: ['error 2: broken YAML in front matter'],
    },
  ],
  [
    '2020-01-01-yaml-tab-indent.md',
    { title: 'Yaml Tab Indent', issues: ['error 4: broken YAML in front matter'] },
  ],
  [
    'yaml-duplicate-keys.md',
    { title: 'second', issues: ['warning 4: duplicate key "title" (first on line 2); the last one wins'] },
  ],
  ['yaml-proto-key.md', { title: 't', issues: ['warning 4: key "__proto__" is not allowed; ignored'] }],
  [
    '2020-01-01-yaml-alias-bomb.md',
    { title: 'bomb', tags: [], issues: ['error 13: value of "tags" refused: more than 100 YAML aliases'] },
  ],
  [
    'title-bidi-override.md',
    {
      title: '双向文字标题',
      authors: ['作者'],
      tags: ['lacol', '正常'],
      issues: [
        'warning: bidirectional control characters removed from title',
        'warning: bidirectional control characters removed from author',
        'warning: bidirectional control characters removed from tags',
      ],
    },
  ],
  ['yaml-custom-tag.md', { title: 't', issues: ['warning 4: custom YAML tag ignored'] }],
  [
    // double-quoted YAML spells code units no file name, URL or feed may hold
    'yaml-escaped-controls.md',
    {
      title: '控制字符与孤立代理',
      tags: ['ab', '正常'],
      issues: [
        'warning 2: control characters or lone surrogates removed from "title"',
        'warning 4: control characters or lone surrogates removed from "tags"',
      ],
    },
  ],
  [
    'yaml-nested-200.md',
    {
      title: 'Yaml Nested 200',
      body: 'Body survives.\n',
      issues: ['error 67: broken YAML in front matter: nesting exceeded maxDepth (64)', 'error: no date'],
    },
  ],
  [
    'yaml-list-never-closed.md',
    {
      title: 'Yaml List Never Closed',
      body: 'Body.\n',
      issues: [
        'error 6: broken YAML in front matter: the [ opened on this line is never closed',
        'error: no date',
      ],
    },
  ],
  [
    '2020-01-01-front-matter-unclosed.md',
    { title: 'Front Matter Unclosed', issues: ['error 1: front matter opened on line 1 is never closed'] },
  ],
  [
    '2020-01-01-front-matter-not-a-map.md',
    { title: 'Front Matter Not A Map', issues: ['error 2: front matter is not a mapping'] },
  ],
  // Rule 4: keys in any case
  [
    'keys-odd-case.md',
    {
      title: 'Odd case keys',
      date: '2020-01-02T03:04:05+08:00',
      updated: '2020-02-03T04:05:06+08:00',
      tags: ['A', 'B'],
      authors: ['某人'],
      issues: [],
    },
  ],
  ['keys-last-modified-at.md', { updated: '2020-03-04T05:06:07+08:00', issues: [] }],
  ['lang-en.md', { title: 'An English post', lang: 'en-GB', issues: [] }],
  [
    'lang-not-a-tag.md',
    {
      title: '语言写错了',
      lang: undefined,
      issues: [
        'warning 4: lang: "中文 (简体)" is not a language tag (like en or zh-CN): the site\'s is used',
      ],
    },
  ],
  // Rule 5: dates
  [
    'sample-wechat.md',
    { date: '2023-02-21T20:08:46.213858+00:00', updated: '2023-02-21T20:08:46.214583+00:00' },
  ],
  ['date-one-digit-month.md', { date: '2019-05-15T05:21:05.335366+00:00', issues: [] }],
  ['date-jekyll-offset.md', { date: '2024-03-05T10:00:00+08:00' }],
  ['date-no-zone.md', { date: '2015-10-01T01:00:00+08:00' }],
  ['date-only.md', { date: '2015-10-01T00:00:00+08:00' }],
  ['date-quoted-z.md', { date: '2023-02-21T20:08:46+00:00' }],
  ['date-zone-hours-only.md', { date: '2023-02-21T20:08:46-05:00' }],
  [
    '2024-01-02-date-invalid.md',
    { date: '2024-01-02T00:00:00+08:00', issues: ['error 3: date: "2024-13-45" is not a real date or time'] },
  ],
  [
    '2023-02-28-date-not-exist.md',
    { date: '2023-02-28T00:00:00+08:00', issues: ['error 3: date: "2023-02-30" is not a real date or time'] },
  ],
  [
    'date-missing.md',
    { date: null, issues: ['error: no date in front matter or file name; listed last, undated'] },
  ],
  ['2017-2-5-date-in-file-name.md', { date: '2017-02-05T00:00:00+08:00', slugBase: 'date-in-file-name' }],
  ['2010-01-09-date-front-matter-wins.md', { date: '2010-01-10T13:07:09+00:00' }],
  ['date-future.md', { date: '2099-01-01T00:00:00+08:00', issues: ['warning: dated in the future'] }],
  // Year 0 is 1 BC; Shanghai's offset then was its local mean time, +08:05:43
  // Rule 5's edges: an instant or a day in the site's zone outside 0001–9999 has no feed date nor
  // archive year (0000-01-01 in Shanghai is 1 BC in UTC; 23:59:59-14:00 on 9999-12-31 is year 10000)
  [
    'date-year-0.md',
    {
      date: null,
      issues: [
        'error 3: date: "0000-01-01" lies outside the years 0001–9999 that feeds and the archive can hold',
        'error: no date in front matter or file name; listed last, undated',
      ],
    },
  ],
  [
    'date-year-10000-utc.md',
    {
      date: null,
      issues: [
        'error 3: date: "9999-12-31T23:59:59-14:00" lies outside the years 0001–9999 that feeds and the archive can hold',
        'error: no date in front matter or file name; listed last, undated',
      ],
    },
  ],
  ['date-year-1.md', { date: '0001-03-01T00:00:00+08:06', issues: [] }],
  ['date-year-9999.md', { date: '9999-12-31T23:59:59+08:00', issues: ['warning: dated in the future'] }],
  [
    'date-year-9999-plus-14.md',
    { date: '9999-12-31T23:59:59+14:00', issues: ['warning: dated in the future'] },
  ],
  // Rule 6: titles
  ['title-folded-quoted.md', { title: '第一行 第二行 第三 行' }],
  ['title-number.md', { title: '2024' }],
  ['title-from-heading.md', { title: '从标题来的题目' }],
  ['2020-01-01-title-from-file-name.md', { title: 'Title From File Name', tags: ['x'] }],
  // Rule 7: tags and categories
  ['tags-parse-as-numbers.md', { tags: ['孩子', '90', '2025', '007', '1.50'] }],
  ['tags-fullwidth-comma.md', { tags: ['先生', '新语丝', '散文', '杂文'] }],
  ['tags-string.md', { tags: ['a', 'b', 'c', 'd', 'e'] }],
  ['tag-singular-number.md', { tags: ['2013'] }],
  ['tags-case-duplicates.md', { tags: ['GDP', 'ＡＢＣ'] }],
  [
    'tags-odd-values.md',
    { tags: ['a', 'b', 'c', 'true'], issues: ['warning 4: "tags" holds a mapping; that part is ignored'] },
  ],
  ['categories-string-and-list.md', { categories: ['随笔', '生活', '读书'], tags: [] }],
  // Rule 8: authors
  ['author-empty.md', { authors: [] }],
  ['authors-list.md', { authors: ['甲', '乙'] }],
  ['sample-wechat.md', { authors: ['小白菜'], tags: ['示范区', '改办', '某某', '截图', '聊天'] }],
  // Rule 9: slugs
  ['slug-traversal.md', { slugBase: 'etc-passwd' }],
  // a Jekyll permalink is not a path Folio writes to: the slug comes from the file name
  ['permalink-traversal.md', { slugBase: 'permalink-traversal', issues: [] }],
  ['2014-03-22-escape-+ %20[].md', { slugBase: 'escape-20' }],
  ['2020-01-01-文件名 slug#?.md', { slugBase: '文件名-slug' }],
  ['sample-wechat.md', { slugBase: 'sample-wechat' }],
  [`2020-01-01-名字 with "quotes" 'and' 😀 emoji.md`, { slugBase: '名字-with-quotes-and-emoji', issues: [] }],
  // Rule 10: excerpts
  ['excerpt-boilerplate.md', { excerpt: '正文从这里开始。这是第二句话！' }],
  ['excerpt-more.md', { excerpt: 'First paragraph is the excerpt.' }],
  ['excerpt-front-matter.md', { excerpt: '写在前面的摘要' }],
  ['excerpt-front-matter-markdown.md', { excerpt: '重点：见原文。' }],
  [
    'excerpt-more-boilerplate.md',
    { excerpt: '她最先求助的是父亲董守仁。2024年3月，事情有了转机 第二段从这里开始。' },
  ],
  ['excerpt-markdown-marks.md', { excerpt: '知乎用户 A 发表 他说：“这是真的吗？”见原文。' }],
  ['excerpt-skips-table.md', { excerpt: '表格后面的第一段才是摘要。' }],
  ['excerpt-cut-at-sentence.md', { excerpt: '这是一个很长的句子用来测试摘要的截断规则'.repeat(3) + '。' }],
  ['excerpt-cut-mid-sentence.md', { excerpt: '没有句号的文字'.repeat(30).slice(0, 120) + '…' }],
  // Rule 11: reading time
  ['reading-time-mixed.md', { readingMinutes: 3, wordCount: 1000 }],
  // Rule 12: images, raw HTML
  ['images-data-placeholder.md', { imageCount: 3, rawHtml: true }],
  ['raw-html.md', { rawHtml: true }],
  ['headings-toc.md', { rawHtml: false, title: 't' }],
  // Exclusions
  ['published-false.md', { excluded: 'published: false' }],
  ['draft-true.md', { excluded: 'draft: true (the drafts option is off)' }],
  [
    'draft-false-undated.md',
    { excluded: undefined, date: null, issues: ['error: no date in front matter or file name'] },
  ],
];

describe('reading a post', () => {
  test.for(cases)('%s', ([file, expected]) => {
    const r = read(file);
    const { date, updated, issues, ...fields } = expected;
    expect(r).toMatchObject(fields);
    if (date !== undefined) expect(r.date?.text ?? null).toBe(date);
    if (updated !== undefined) expect(r.updated?.text).toBe(updated);
    if (issues !== undefined) {
      const got = r.issues.map(
        (i) => `${i.severity}${i.line === undefined ? '' : ` ${i.line}`}: ${i.message}`,
      );
      expect(got).toHaveLength(issues.length);
      issues.forEach((prefix, n) => expect(got[n]).toContain(prefix));
    }
  });

  test('the alias bomb is refused in well under 100 ms', () => {
    const t0 = performance.now();
    read('2020-01-01-yaml-alias-bomb.md');
    expect(performance.now() - t0).toBeLessThan(100);
  });

  test('a weserv image keeps its address and decodes the original; the cover skips data: placeholders', () => {
    const r = read('images-data-placeholder.md');
    expect(r.cover).toEqual({
      src: 'https://images.weserv.nl/?url=https%3A//pic1.zhimg.com/v2-abc_720w.jpg%3Fsource%3D1940ef5c',
      original: 'https://pic1.zhimg.com/v2-abc_720w.jpg?source=1940ef5c',
      alt: '封面',
    });
    expect(read('sample-wechat.md').cover?.original).toBe(
      'https://mmbiz.qpic.cn/mmbiz_gif/T2mz4Rd0E4NibFiaW1l8iadkoqvVib18tZEtibjvu4oS89wicxqibjzj0g2oy66IFMdlrqEhtvUFrFISmcibYbU1JN4x6Q/640?wx_fmt=gif',
    );
  });

  test('the cover is never a script address: a javascript: or vbscript: image is passed over', () => {
    const body = '![a](javascript:alert(1))\n\n![b](VBScript:msgbox)\n\n![c](https://example.com/c.jpg)\n';
    const r = readPost('cover-script.md', Buffer.from(`---\ntitle: t\n---\n${body}`), ctx);
    if ('binary' in r) throw new Error(r.binary);
    expect(r.cover).toEqual({ src: 'https://example.com/c.jpg', alt: 'c' });
    expect(r.imageCount).toBe(3);
  });

  test('headings of depth 2 and 3 carry github-slugger ids counted over all headings', () => {
    expect(read('headings-toc.md').headings).toEqual([
      { depth: 2, text: '第一部分', id: '第一部分' },
      { depth: 3, text: 'Two Words', id: 'two-words' },
      { depth: 2, text: '第一部分', id: '第一部分-1' },
    ]);
  });

  test('future posts are excluded when the future option is off', () => {
    expect(read('date-future.md', { future: false }).excluded).toBe(
      'dated in the future (2099-01-01T00:00:00+08:00) and the future option is off',
    );
  });

  test('drafts are published when the drafts option is on', () => {
    expect(read('draft-true.md', { drafts: true }).excluded).toBeUndefined();
    expect(read('published-false.md', { drafts: true }).excluded).toBe('published: false');
  });

  test.for(['encoding-binary.md', 'empty-file.md'])('%s is not a post', (file) => {
    const result = readPost(file, fs.readFileSync(path.join(dir, file)), ctx);
    if (file === 'empty-file.md') expect(result).toMatchObject({ title: 'Empty File' });
    else expect(result).toEqual({ binary: 'binary file (it holds NUL bytes), not text' });
  });
});
