// Images as mirrored WeChat pages write them (issue 25, point 4), in what the build makes: feeds, the
// first screen, the cover. A lazy image's placeholder (`data:image/svg+xml`, 1 px) is never an image;
// its real address (`data-src`), where the page kept one, is.
import { describe, expect, test } from 'vitest';
import { analyseBody } from '../../src/node/read/analyse-body.ts';
import { renderHtml } from '../../src/node/render/html.ts';
import { articleHtml } from '../../src/node/render/article.ts';

const PLACEHOLDER =
  "data:image/svg+xml,%3C%3Fxml version='1.0' encoding='UTF-8'%3F%3E%3Csvg width='1px' height='1px' viewBox='0 0 1 1' xmlns='http://www.w3.org/2000/svg'%3E%3Cg fill='none' fill-opacity='0'%3E%3Crect x='0' y='0' width='1' height='1'%3E%3C/rect%3E%3C/g%3E%3C/svg%3E";
const REAL = 'https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png';
const LAZY = `<p><img class="rich_pages wxw-img" data-ratio="0.5625" data-w="1080" data-src="${REAL}" src="${PLACEHOLDER}"></p>`;
const LOST = `![](${PLACEHOLDER.replace(/ /g, '%20')})`;

describe('WeChat lazy images', () => {
  test('a feed shows the real address (through weserv: qpic refuses hot-links), no placeholder', () => {
    const html = renderHtml(`开头。\n\n${LAZY}\n\n${LOST}\n\n结尾。`, 'https://example.org/posts/x/');
    const srcs = [...html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1]);
    expect(srcs).toEqual([
      `https://images.weserv.nl/?url=${encodeURIComponent(REAL)}&#x26;w=720&#x26;output=webp`,
    ]);
    expect(html).not.toContain('data:image/svg');
    expect(html).not.toMatch(/data-(src|ratio|w)=/);
  });

  test('the article shows no placeholder, and the first real image is the eager one', () => {
    const body = `${LOST}\n\n开头的一段话。\n\n![图](https://example.org/a.png)\n`;
    for (const raw of [false, true]) {
      const html = articleHtml(body, [], raw, 'zh-CN');
      expect(html).not.toContain('data:image/svg');
      expect(html).toMatch(/<img src="https:\/\/example\.org\/a\.png"[^>]*loading="eager"/);
    }
  });

  test("the article shows a lazy image's real address in a box of the shape its page tells", () => {
    const html = articleHtml(`开头。\n\n${LAZY}\n`, [], true, 'zh-CN');
    expect(html).not.toContain('data:image/svg');
    expect(html).toContain(
      `<span class="post-image post-image-article" style="aspect-ratio:${1 / 0.5625};width:1080px">`,
    );
    expect(html).toMatch(/<img src="https:\/\/mmbiz\.qpic\.cn\/[^"]*" alt="图片 1" loading="eager"/);
    expect(html).not.toMatch(/data-(src|ratio|w)=/);
  });

  test('the cover is the real address, not the placeholder; data-src is not read as src', () => {
    const facts = analyseBody(`${LAZY}\n\n正文。\n`);
    expect(facts.cover?.src).toBe(REAL);
    expect(facts.imageCount).toBe(1);
  });
});
