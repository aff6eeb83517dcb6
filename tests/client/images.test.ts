// Images as posts write them (issue 25, point 4): WeChat's placeholders, shapes from markup, and the
// viewer's slides.
// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { isSvgPlaceholder, knownShape } from '../../src/shared/images.ts';
import { viewerSlides } from '../../src/client/features/reader/lib/viewer-slides.ts';

const WECHAT =
  "data:image/svg+xml,%3C%3Fxml version='1.0' encoding='UTF-8'%3F%3E%3Csvg width='1px' height='1px' viewBox='0 0 1 1' version='1.1' xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'%3E%3Ctitle%3E%3C/title%3E%3Cg stroke='none' stroke-width='1' fill='none' fill-rule='evenodd' fill-opacity='0'%3E%3Cg transform='translate(-249.000000, -126.000000)' fill='%23FFFFFF'%3E%3Crect x='249' y='126' width='1' height='1'%3E%3C/rect%3E%3C/g%3E%3C/g%3E%3C/svg%3E";

describe('placeholders', () => {
  test.for([
    ['WeChat’s 1 px transparent SVG', WECHAT, true],
    [
      'an SVG with nothing to draw (repaired from Markdown)',
      `data:image/svg+xml;utf8,${encodeURIComponent("<svg xmlns='http://www.w3.org/2000/svg'></svg>")}`,
      true,
    ],
    [
      'the same, base64',
      `data:image/svg+xml;base64,${btoa("<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><rect width='1' height='1'/></svg>")}`,
      true,
    ],
    [
      'an icon that draws',
      `data:image/svg+xml,${encodeURIComponent("<svg xmlns='http://www.w3.org/2000/svg' width='24' height='24'><path d='M0 0h24v24H0z'/></svg>")}`,
      false,
    ],
    ['a PNG', 'data:image/png;base64,iVBORw0KGgo=', false],
    ['an address', 'https://mmbiz.qpic.cn/a/640?wx_fmt=png', false],
  ] as const)('%s', ([, src, expected]) => expect(isSvgPlaceholder(src)).toBe(expected));
});

describe('shapes the markup tells', () => {
  test.for([
    ['width and height', { width: 1080, height: 720 }, { ratio: 1.5, width: 1080 }],
    ['in px, as strings', { width: '640px', height: '1280' }, { ratio: 0.5, width: 640 }],
    [
      'WeChat’s data-ratio (height / width) and data-w',
      { dataRatio: '1.7786', dataW: '1080' },
      { ratio: 1 / 1.7786, width: 1080 },
    ],
    ['a percentage tells nothing', { width: '100%', height: '300' }, {}],
    ['nonsense', { width: '0', height: '0', dataRatio: 'abc' }, {}],
    ['a strip past 1:20 is not believed', { width: 10, height: 1000 }, { width: 10 }],
  ] as const)('%s', ([, attrs, shape]) => {
    const got = knownShape(attrs);
    expect(got.width).toBe((shape as { width?: number }).width);
    if ('ratio' in shape) expect(got.ratio).toBeCloseTo(shape.ratio, 6);
    else expect(got.ratio).toBeUndefined();
  });
});

test('the viewer shows every image of the article, the tapped one first, by the route that loaded, at its largest', () => {
  document.body.innerHTML = `<article><div class="prose">
    <span class="post-image"><img src="https://images.weserv.nl/?url=a&w=720" srcset="https://images.weserv.nl/?url=a&w=720 720w, https://images.weserv.nl/?url=a&w=1440 1440w" alt="一"></span>
    <span class="post-image"><img src="https://example.org/b.png" alt="二"></span>
  </div></article><img src="https://example.org/elsewhere.png">`;
  const imgs = document.querySelectorAll<HTMLImageElement>('.prose img');
  expect(viewerSlides(imgs[1]!)).toEqual({
    slides: [
      { src: 'https://images.weserv.nl/?url=a&w=1440', alt: '一' },
      { src: 'https://example.org/b.png', alt: '二' },
    ],
    index: 1,
  });
});
