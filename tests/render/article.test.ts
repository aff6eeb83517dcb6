// An article's HTML, whole, as its entry page carries it and the app shows it (issue 26, point 1):
// the reader's markup (image boxes, dead links, heading ids, notes), nothing in it that can run or
// leak a referrer, the same markup whichever way it is made (markdown-it's rules alone, or through the
// sanitiser for a body with raw HTML; whole, or a piece at a time).
import { describe, expect, test } from 'vitest';
import { articleHtml } from '../../src/node/render/article.ts';
import type { Heading } from '../../src/shared/contract.ts';
import { generateRealPost } from '../bench/generate-real-corpus.ts';

const plain = (body: string, headings: Heading[] = []) => articleHtml(body, headings, false, 'zh-CN');
const both = (body: string, headings: Heading[] = []) =>
  [false, true].map((raw) => articleHtml(body, headings, raw, 'zh-CN'));

describe('an article as HTML', () => {
  test.for([
    ['two paragraphs', '一段。\n\n两段。\n', '<p>一段。</p>\n<p>两段。</p>\n'],
    [
      'a list, a quote, code',
      '- a\n\n> q\n\n```js\nx < 1\n```\n',
      '<ul>\n<li>a</li>\n</ul>\n<blockquote>\n<p>q</p>\n</blockquote>\n<pre><code class="language-js">x &lt; 1\n</code></pre>\n',
    ],
    [
      'text that looks like markup is text',
      'a &lt; b and <<>> c\n',
      '<p>a &lt; b and &lt;&lt;&gt;&gt; c</p>\n',
    ],
    [
      'raw HTML is text where the post has none',
      '<p onclick="x()">hi</p>\n',
      '<p>&lt;p onclick=&quot;x()&quot;&gt;hi&lt;/p&gt;</p>\n',
    ],
    ['nothing for an empty body', '', ''],
  ])('%s', ([, body, html]) => {
    expect(plain(body!)).toBe(html);
  });

  test('the whole body, however long: the last paragraph is there', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `第${i}段，一些文字。`).join('\n\n');
    const html = plain(body);
    expect(html).toContain('<p>第0段，一些文字。</p>');
    expect(html).toContain('<p>第2999段，一些文字。</p>');
    expect(html.match(/<p>/g)).toHaveLength(3000);
  });

  test('depth-2 and -3 headings carry the ids the table of contents links to, and a link to themselves; raw posts prefixed', () => {
    const headings: Heading[] = [
      { depth: 2, id: '一', text: '一' },
      { depth: 3, id: '二', text: '二' },
    ];
    const body = '# 题\n\n## 一\n\n### 二\n\n#### 三\n';
    const [html, raw] = both(body, headings);
    const link = (id: string) =>
      `<a class="heading-anchor" href="#${id}" aria-hidden="true" tabindex="-1" title="本节链接"></a>`;
    expect(html).toBe(
      `<h1>题</h1>\n<h2 id="一">一${link('一')}</h2>\n<h3 id="二">二${link('二')}</h3>\n<h4>三</h4>\n`,
    );
    expect(raw).toContain(
      `<h2 id="user-content-一">一${link('user-content-一')}</h2>\n<h3 id="user-content-二">二${link('user-content-二')}</h3>`,
    );
  });

  test('a raw heading’s hostile id is escaped in its link, as in the heading', () => {
    const html = articleHtml('<h3 id="x&quot; onclick=&quot;alert(1)">t</h3>\n', [], true, 'zh-CN');
    expect(html).toBe(
      '<h3 id="user-content-x&#x22; onclick=&#x22;alert(1)">t<a class="heading-anchor" href="#user-content-x&quot; onclick=&quot;alert(1)" aria-hidden="true" tabindex="-1" title="本节链接"></a></h3>\n',
    );
  });

  test('links: unsafe ones become text, external ones open without a referrer, both ways', () => {
    for (const html of both(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](data:text/html,x) [d](vbscript:x)',
    ))
      expect(html).toBe(
        '<p><span class="dead-link">a</span> <span class="dead-link">b</span> <span class="dead-link">c</span> <span class="dead-link">d</span></p>\n',
      );
    for (const html of both(
      '[out](https://example.org/) [in](/posts/x/) [mail](mailto:a@b.c) https://example.com/x',
    ))
      expect(html).toBe(
        '<p><a href="https://example.org/" target="_blank" rel="noopener noreferrer">out</a> <a href="/posts/x/">in</a> <a href="mailto:a@b.c">mail</a> <a href="https://example.com/x" target="_blank" rel="noopener noreferrer">https://example.com/x</a></p>\n',
      );
    for (const html of both('[t](https://example.org/ "a\\" onmouseover=\\"x")'))
      expect(html).not.toMatch(/onmouseover="/);
  });

  test("images: the reader's box, sizes and link, the first eager, none from a script or SVG address", () => {
    const weserv = 'https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/a/640%3Fwx_fmt%3Djpeg';
    for (const html of both(`![一](${weserv})\n\n![二](https://example.org/b.png)\n`)) {
      const imgs = html.match(/<img [^>]*>/g)!;
      expect(imgs).toHaveLength(2);
      expect(html).toContain(
        `<p><span class="post-image post-image-article"><a class="post-image-open" href="https://mmbiz.qpic.cn/a/640?wx_fmt=jpeg" target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"><img src="https://images.weserv.nl/?url=`,
      );
      expect(imgs[0]).toContain(
        'srcset="https://images.weserv.nl/?url=https%3A%2F%2Fmmbiz.qpic.cn%2Fa%2F640%3Fwx_fmt%3Djpeg&amp;w=720',
      );
      expect(imgs[0]).toContain('alt="一" loading="eager" fetchpriority="high"');
      expect(imgs[1]).toContain('alt="二" loading="lazy"');
      for (const img of imgs) expect(img).toContain('referrerpolicy="no-referrer"');
    }
    for (const html of both(
      '![x](javascript:alert(1)) ![y](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E)',
    ))
      expect(html).not.toContain('<img'); // neither is shown, as the reader shows neither
    // an image with no words of its own is named by its place
    expect(plain('![](https://example.org/a.png)')).toContain('alt="图片 1"');
    // an image the browser cannot open as a page has no link around it
    expect(plain('![z](data:image/png;base64,AAAA)')).toMatch(
      /<span class="post-image post-image-article"><img src="data:image\/png;base64,AAAA"/,
    );
  });

  test('raw HTML goes through the sanitiser: nothing that runs, its images in boxes of their shape', () => {
    const body =
      '开头。\n\n<p onclick="x()" style="position:fixed">段<script>alert(1)</script><img src="https://example.org/a.png" width="300" height="150" onerror="alert(1)"><iframe src="https://evil.example/"></iframe><a href="javascript:alert(1)">z</a></p>\n';
    const html = articleHtml(body, [], true, 'zh-CN');
    expect(html).not.toMatch(/onclick|onerror|<script|<iframe|javascript:|position:fixed/);
    expect(html).toContain('<span class="post-image post-image-article" style="aspect-ratio:2;width:300px">');
    expect(html).toContain('<span class="dead-link">z</span>');
  });

  test('Markdown without raw HTML reads the same through the sanitiser: one markup either way', () => {
    // (a real-shaped body less its inline `<svg>`s: raw HTML in an image's address that is no address)
    const body = generateRealPost(3)
      .text.split('\n---\n')[1]!
      .replace(/<svg[^)]*/g, '');
    const [html, raw] = both(body);
    expect(raw).toBe(html);
    expect(html.length).toBeGreaterThan(body.length / 2);
  });

  test('a long body rendered a piece at a time is the whole body rendered at once', () => {
    const body = generateRealPost(3).text.split('\n---\n')[1]!.repeat(3);
    const headings: Heading[] = [...body.matchAll(/^##+ (.*)$/gm)].map((m, i) => ({
      depth: 2,
      id: `h${i}`,
      text: m[1]!,
    }));
    for (const raw of [false, true]) {
      const whole = articleHtml(body, headings, raw, 'zh-CN', Infinity);
      expect(articleHtml(body, headings, raw, 'zh-CN', 5000)).toBe(whole);
      expect(whole.match(/loading="eager"/g)).toHaveLength(1);
    }
  });
});
