// The check's scan for local references (mayHoldLocalRefs): it may say "maybe" where the Markdown
// parse finds none, never "none" where the parse finds one; the check's report rests on that.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyseBody, mayHoldLocalRefs } from '../../src/node/read/analyse-body.ts';

const WEB = 'https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/a/640%3Fwx_fmt%3Djpeg';

describe('mayHoldLocalRefs', () => {
  test.for([
    ['remote images and links only', `![](${WEB})\n\n正文[链接](https://example.org/a.pdf)。`, false, []],
    ['no link at all', '近日，一张微信聊天截图引爆关注。[注]', false, []],
    ['an image beside the post', '![猫](img/cat.png)', true, ['img/cat.png']],
    ['a file linked', '[下载](files/report.pdf)', true, ['files/report.pdf']],
    ['a page linked (not a file)', '[另一篇](other.md)', true, []],
    [
      'fragment, mail, protocol-relative, data',
      '[a](#top) [b](mailto:a@b.c) ![c](//cdn.example/x.png) ![d](data:image/png;base64,AA==)',
      false,
      [],
    ],
    ['empty address', '[a]() ![b]()', false, []],
    ['address on the next line', '![猫](\n  img/cat.png)', true, ['img/cat.png']],
    ['address in <>', '![猫](<img/cat 1.png>)', true, ['img/cat 1.png']],
    ['reference definition', '![猫][c]\n\n[c]: img/cat.png', true, ['img/cat.png']],
    [
      'reference definition, remote, on the next line',
      '![猫][c]\n\n[c]:\n  https://example.org/cat.png',
      false,
      [],
    ],
    ['in a quote, over two lines', '> ![猫](\n> img/cat.png)', true, ['img/cat.png']],
    ['HTML image', '<p><img alt="猫" src="img/cat.png"></p>', true, ['img/cat.png']],
    ['HTML image, remote', `<img src="${WEB}">`, false, []],
    ['HTML image over two lines in a quote', '> <img alt="猫"\n> src="img/cat.png">', true, ['img/cat.png']],
    ['an address in code: maybe, and the parse finds none', '`![猫](img/cat.png)`', true, []],
    ['an entity for the scheme: maybe', '[a](&#104;ttps://example.org/a.pdf)', true, []],
  ] as const)('%s', ([, body, maybe, refs]) => {
    expect(mayHoldLocalRefs(body)).toBe(maybe);
    expect(analyseBody(body).localRefs).toEqual(refs);
  });

  // Every form an address takes, in every container, beside text that looks like them.
  const address = fc.constantFrom(
    'img/cat.png',
    './a.pdf',
    '../up.zip',
    '/root.png',
    'cat%20x.png',
    '\\#not-a-fragment.png',
    '&#35;x.png',
    'x.png "title"',
    WEB,
    'javascript:alert(1)',
    '#top',
    '//cdn.example/x.png',
    'mailto:a@b.c',
    '',
  );
  const gap = fc.constantFrom('', ' ', '\t', '\n', ' \n  ', '<');
  const container = fc.constantFrom('', '> ', '>> ', '- ', '1. ', '    ', '  - > ', '* ');
  const piece = fc.oneof(
    fc.tuple(gap, address).map(([g, a]) => `![图](${g}${a}${g === '<' ? '>' : ''})`),
    fc.tuple(gap, address).map(([g, a]) => `[链接](${g}${a}${g === '<' ? '>' : ''})`),
    fc.tuple(gap, address).map(([g, a]) => `![图][r]\n\n[r]:${g}${a}${g === '<' ? '>' : ''}`),
    fc.tuple(fc.constantFrom(' ', '\n', '\n> ', '\n  '), address).map(([g, a]) => `<img${g}src="${a}">`),
    fc.tuple(address).map(([a]) => `<IMG SRC=${a.replace(/\s.*/, '')} alt=x>`),
    fc.constantFrom('正文，文字。', '`code ](x.png)`', '```\n![a](img/in-code.png)\n```', '[注]', '\\]('),
  );
  const body = fc
    .array(fc.tuple(container, piece), { minLength: 1, maxLength: 6 })
    .chain((parts) =>
      fc
        .constantFrom('\n', '\n\n')
        .map((sep) => parts.map(([c, p]) => c + p.replaceAll('\n', `\n${c}`)).join(sep)),
    );

  test('never "none" where the parse finds a local reference (3,000 bodies)', () => {
    let found = 0;
    let skipped = 0;
    fc.assert(
      fc.property(body, (b) => {
        const refs = analyseBody(b).localRefs;
        if (refs.length > 0) {
          found++;
          expect(mayHoldLocalRefs(b), JSON.stringify(b)).toBe(true);
        } else if (!mayHoldLocalRefs(b)) skipped++;
      }),
      { numRuns: 3000 },
    );
    // the bodies reach both sides: references found, and bodies the check need not parse
    expect(found).toBeGreaterThan(300);
    expect(skipped).toBeGreaterThan(100);
  });
});
