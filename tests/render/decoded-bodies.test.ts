// The parsers' shortcuts for decoded bodies (markdown.ts, decodedBodies): a paragraph with no inline
// syntax handed over as one run of text, linkify's test asked only where a link may be, no pass to
// normalise line endings. None may change what is made: each parser is compared with markdown-it set
// up the same way without them, on the fixtures and real-shaped bodies.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { decoded, decodedBodies, markdownIt } from '../../src/node/markdown.ts';
import { articleHtml } from '../../src/node/render/article.ts';
import { repairBody } from '../../src/node/read/repair-body.ts';
import { generateRealPost } from '../bench/generate-real-corpus.ts';

/** Every Markdown fixture's body (front matter left in: it is Markdown too). */
function fixtureBodies(): string[] {
  const root = path.join(import.meta.dirname, '../fixtures');
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:md|markdown)$/.test(name) && fs.statSync(path.join(root, name)).isFile())
    .sort()
    .map((name) => decoded(repairBody(fs.readFileSync(path.join(root, name), 'utf8'))));
}

const tricky = [
  '一段中文，没有任何标记。',
  '见 https://example.com/a 和 http://例子.中国 与 www.example.org。',
  '写信给 someone@example.com，或 example.com、localhost:8080、1.2.3.4。',
  '协议相对 //cdn.example.com/x.js 与 mailto:a@b.c 和 ftp://x.org',
  '**加粗。**后文，*斜体*，~~删除~~，`代码`，[链接](/a)，![图](/b.png)，&amp;，<span>x</span>',
  '第一行\n第二行  \n第三行\\\n第四行',
  '- [ ] 未做\n- [x] 已做',
  '脚注[^1]。\n\n[^1]: 注释。',
  '| 年 | 数 |\n|---|---:|\n| 2020 | 1.5 |',
];

describe('parsers for decoded bodies', () => {
  const bodies = [...tricky, ...fixtureBodies(), ...[3, 4, 5, 6].map((i) => generateRealPost(i).text)];

  test.for([
    ['without raw HTML, bare links read', false, 'prefixed', true],
    ['with raw HTML, bare links read', true, 'full', true],
    ['as the analysis reads (no bare links)', true, 'full', false],
  ] as const)('%s: the same HTML as markdown-it without the shortcuts', ([, html, notes, linkify]) => {
    const make = () => markdownIt({ html, linkify }, notes);
    const fast = decodedBodies(make());
    const slow = make();
    expect(bodies.length).toBeGreaterThan(100);
    for (const body of bodies)
      expect(fast.render(body, { lang: 'zh-CN' })).toBe(slow.render(body, { lang: 'zh-CN' }));
  });

  test('an address is normalised as markdown-it normalises it, taken as it is or not', () => {
    const fast = decodedBodies(markdownIt({ linkify: true }));
    const slow = markdownIt({ linkify: true });
    for (const url of [
      'HTTP://Example.COM/A',
      'https://user:pw@host:8080/p?q=1&r=%E4%B8%AD#f',
      'https://images.weserv.nl/?url=https%3A%2F%2Fmmbiz.qpic.cn%2Fa&w=720',
      '//cdn.example.com/x.js',
      "it's(1)",
      'a%zzb',
      '100%',
      'http://例子.中国/路径?查=询',
      'http://[::1]/x',
      'https://zh.wikipedia.org/wiki/火灾 (1)',
      'http://a.com/[x]{y}|z^`"<>',
      '',
    ])
      expect(fast.normalizeLink(url), url).toBe(slow.normalizeLink(url));
  });

  test('a body with CR line endings or NUL is read as markdown-it reads it', () => {
    const lf = '# 题\n\n一段\n第二行\n\n- a\n- b\n';
    expect(articleHtml(lf.replaceAll('\n', '\r\n'), [], false, 'zh-CN')).toBe(
      articleHtml(lf, [], false, 'zh-CN'),
    );
    expect(articleHtml(lf.replaceAll('\n', '\r'), [], true, 'zh-CN')).toBe(
      articleHtml(lf, [], true, 'zh-CN'),
    );
    expect(articleHtml('a\0b', [], false, 'zh-CN')).toBe('<p>a\ufffdb</p>\n');
  });
});
