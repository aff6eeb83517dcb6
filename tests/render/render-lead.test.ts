// An article's opening as HTML (the first screen an entry page carries): what it holds, where it stops,
// and that nothing in it can run or leak a referrer.
import { describe, expect, test } from 'vitest';
import { LEAD_BLOCKS, LEAD_CHARS, renderLead } from '../../src/node/render/lead.ts';

const para = (n: number, c = '字') => c.repeat(n);

describe('the opening of an article', () => {
  test.for([
    ['two paragraphs', `${para(50)}\n\n${para(60)}\n`, `<p>${para(50)}</p>\n<p>${para(60)}</p>\n`],
    ['a heading and its text', `## 小标题\n\n${para(20)}\n`, `<h2>小标题</h2>\n<p>${para(20)}</p>\n`],
    ['stops at a list', `${para(10)}\n\n- a\n- b\n`, `<p>${para(10)}</p>\n`],
    ['stops at a quote', `${para(10)}\n\n> q\n`, `<p>${para(10)}</p>\n`],
    ['stops at code', `${para(10)}\n\n\`\`\`\ncode\n\`\`\`\n`, `<p>${para(10)}</p>\n`],
    ['stops at raw HTML', `${para(10)}\n\n<p onclick="x()">hi</p>\n\n${para(10)}\n`, `<p>${para(10)}</p>\n`],
    ['stops before inline raw HTML', `${para(10)}\n\na <b>b</b>\n`, `<p>${para(10)}</p>\n`],
    [
      'text that looks like script is text',
      'a &lt; b and <<>> c\n',
      '<p>a &lt; b and &lt;&lt;&gt;&gt; c</p>\n',
    ],
    ['nothing for an empty body', '', ''],
  ])('%s', ([, body, html]) => {
    expect(renderLead(body!)).toBe(html);
  });

  test(`about ${LEAD_CHARS} characters of text, at most ${LEAD_BLOCKS} blocks, whole paragraphs`, () => {
    const body = Array.from({ length: 10 }, () => para(100)).join('\n\n');
    expect(renderLead(body).match(/<p>/g)).toHaveLength(Math.ceil(LEAD_CHARS / 100));
    const short = Array.from({ length: 10 }, () => para(5)).join('\n\n');
    expect(renderLead(short).match(/<p>/g)).toHaveLength(LEAD_BLOCKS);
    // one paragraph longer than what is parsed would be cut short: left to the app
    expect(renderLead(para(5000))).toBe('');
  });

  test('links: unsafe ones become text, external ones open without a referrer', () => {
    expect(
      renderLead('[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](data:text/html,x) [d](vbscript:x)'),
    ).toBe(
      '<p><span class="dead-link">a</span> <span class="dead-link">b</span> <span class="dead-link">c</span> <span class="dead-link">d</span></p>\n',
    );
    expect(renderLead('[out](https://example.org/) [in](/posts/x/) [mail](mailto:a@b.c)')).toBe(
      '<p><a href="https://example.org/" target="_blank" rel="noopener noreferrer">out</a> <a href="/posts/x/">in</a> <a href="mailto:a@b.c">mail</a></p>\n',
    );
    expect(renderLead('[t](https://example.org/ "a\\" onmouseover=\\"x")')).not.toMatch(/onmouseover="/);
  });

  test("images: the reader's box and sizes, the first eager, none from a script or SVG address", () => {
    const weserv = 'https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/a/640%3Fwx_fmt%3Djpeg';
    const html = renderLead(`![一](${weserv})\n\n![二](https://example.org/b.png)\n`);
    const imgs = html.match(/<img [^>]*>/g)!;
    expect(imgs).toHaveLength(2);
    expect(html).toContain(
      '<p><span class="post-image post-image-article"><img src="https://images.weserv.nl/?url=',
    );
    expect(imgs[0]).toContain(
      'srcset="https://images.weserv.nl/?url=https%3A%2F%2Fmmbiz.qpic.cn%2Fa%2F640%3Fwx_fmt%3Djpeg&amp;w=720',
    );
    expect(imgs[0]).toContain('loading="eager" fetchpriority="high"');
    expect(imgs[1]).toContain('loading="lazy"');
    for (const img of imgs) expect(img).toContain('referrerpolicy="no-referrer"');
    expect(
      renderLead('![x](javascript:alert(1)) ![y](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E)'),
    ).toBe('<p> </p>\n'); // neither is shown, as the reader shows neither
    expect(renderLead('![z](data:image/png;base64,AAAA)')).toContain('<img src="data:image/png;base64,AAAA"');
  });
});
