// Pure logic of the reader: filter sets, image routes, safe URLs, cloud sizes, dates.
import { describe, expect, test } from 'vitest';
import {
  coFacets,
  combine,
  countWith,
  intersect,
  parseFacets,
  parseFilter,
  union,
} from '../../src/client/lib/tag-sets.ts';
import { paths } from '../../src/client/lib/paths.ts';
import { imageSources } from '../../src/shared/image-sources.ts';
import { safeUrl } from '../../src/shared/safe-url.ts';
import { authorLabel, formatDate, sameDay } from '../../src/shared/format.ts';
import { en } from '../../src/shared/messages/en.ts';
import { zhCN } from '../../src/shared/messages/zh-CN.ts';
import type { PostSummary } from '../../src/shared/contract.ts';

describe('filter sets', () => {
  const A = [0, 2, 4, 6, 8];
  const B = [1, 2, 3, 4];
  const C = [4, 5, 6];
  test.for([
    ['and of A, B', [A, B], 'and', [2, 4]],
    ['or of A, B', [A, B], 'or', [0, 1, 2, 3, 4, 6, 8]],
    ['and of A, B, C', [A, B, C], 'and', [4]],
    ['or of A, B, C', [A, B, C], 'or', [0, 1, 2, 3, 4, 5, 6, 8]],
    ['and with an empty list', [A, []], 'and', []],
    ['or with an empty list', [A, []], 'or', A],
    ['one list', [B], 'and', B],
    ['no lists', [], 'or', []],
  ] as const)('%s', ([, lists, mode, expected]) => {
    expect(combine(lists as readonly (readonly number[])[], mode)).toEqual(expected);
  });

  test.for([
    [A, B, 'and', 2],
    [A, B, 'or', 7],
    [A, C, 'and', 2],
    [[], C, 'or', 3],
  ] as const)('countWith(%j, %j, %s) = %i', ([result, candidate, mode, n]) => {
    expect(countWith(result as number[], candidate as number[], mode)).toBe(n);
    expect(n).toBe(combine([result as number[], candidate as number[]], mode).length);
  });

  test('intersect and union keep ascending order without duplicates', () => {
    expect(intersect([1, 3, 5, 7], [3, 4, 5])).toEqual([3, 5]);
    expect(union([1, 3], [1, 2, 3])).toEqual([1, 2, 3]);
  });

  test('co-occurring tags, most frequent first, chosen ones left out (case-insensitively)', () => {
    const post = (tags: string[]) => ({ tags }) as PostSummary;
    expect(
      coFacets(
        [post(['GDP', '经济']), post(['gdp', '经济', '数据']), post(['数据', '经济'])],
        [{ kind: 'tag', name: 'gdp' }],
        { tag: 5 },
      ),
    ).toEqual([
      { kind: 'tag', name: '经济', count: 3 },
      { kind: 'tag', name: '数据', count: 2 },
    ]);
  });

  test('tags, categories and authors the posts carry: each kind by frequency, up to its limit', () => {
    const post = (tags: string[], categories: string[], authors: string[]) =>
      ({ tags, categories, authors }) as PostSummary;
    const posts = [
      post(['经济', 'GDP'], ['财经'], ['新华社']),
      post(['经济'], ['财经', '国内'], ['本报记者']),
      post(['数据'], ['国内'], ['新华社']),
    ];
    expect(coFacets(posts, [{ kind: 'category', name: '国内' }], { tag: 2, category: 3, author: 1 })).toEqual(
      [
        { kind: 'tag', name: '经济', count: 2 },
        { kind: 'tag', name: 'GDP', count: 1 },
        { kind: 'category', name: '财经', count: 2 },
        { kind: 'author', name: '新华社', count: 2 },
      ],
    );
    expect(coFacets(posts, [], {})).toEqual([]);
  });

  test.for([
    ['?q=x&tags=A,a,B&category=%E8%B4%A2%E7%BB%8F&author=Doe,%20Jane&author=doe,%20jane', 3 + 1],
    ['?q=x', 0],
  ] as const)('parseFacets(%s) reads back what paths.search wrote', ([search, n]) => {
    const facets = parseFacets(new URLSearchParams(search));
    expect(facets).toHaveLength(n);
    const again = new URL(paths.search('x', facets), 'http://h/').searchParams;
    expect(parseFacets(again)).toEqual(facets);
  });

  test('parseFacets: a name with a comma stays whole for categories and authors', () => {
    expect(parseFacets(new URLSearchParams('?tags=A,B&category=C&author=Doe,%20Jane'))).toEqual([
      { kind: 'tag', name: 'A' },
      { kind: 'tag', name: 'B' },
      { kind: 'category', name: 'C' },
      { kind: 'author', name: 'Doe, Jane' },
    ]);
  });

  test.for([
    ['?tags=A,B&mode=or', { tags: ['A', 'B'], mode: 'or' }],
    ['?tags=A,B', { tags: ['A', 'B'], mode: 'and' }],
    ['?tags=%E5%AE%B6%E5%BA%AD,,GDP,gdp&mode=x', { tags: ['家庭', 'gdp'], mode: 'and' }],
    ['', { tags: [], mode: 'and' }],
  ] as const)('parseFilter(%s)', ([search, expected]) => {
    expect(parseFilter(new URLSearchParams(search))).toEqual(expected);
  });
});

describe('image routes', () => {
  const weserv = 'https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/mmbiz_jpg/abc/640%3Fwx_fmt%3Djpeg';
  const original = 'https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg';
  const sized = (w: number, o = original, f = 'output=webp') =>
    `https://images.weserv.nl/?url=${encodeURIComponent(o)}&w=${w}&${f}`;

  test('a weserv image: weserv at the displayed width first (WebP, srcset), then the original', () => {
    expect(imageSources(weserv, [720, 1440])).toEqual({
      tries: [{ src: sized(720), srcSet: `${sized(720)} 720w, ${sized(1440)} 1440w` }, { src: original }],
      original,
    });
  });

  test('an original image: itself first, then weserv', () => {
    const zhihu = 'https://pic1.zhimg.com/v2-a_720w.jpg';
    expect(imageSources(zhihu, [240]).tries).toEqual([
      { src: zhihu },
      { src: sized(240, zhihu), srcSet: `${sized(240, zhihu)} 240w` },
    ]);
  });

  test('GIFs stay animated (n=-1), not WebP', () => {
    const gif = 'https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/mmbiz_gif/x/640%3Fwx_fmt%3Dgif';
    expect(imageSources(gif, [720]).tries[0]!.src).toBe(
      sized(720, 'https://mmbiz.qpic.cn/mmbiz_gif/x/640?wx_fmt=gif', 'n=-1'),
    );
  });

  test.for(['data:image/png;base64,AAAA', '/assets/cat.abc.png', 'img/cat.png'])(
    '%s is tried as it is, once',
    (src) => {
      expect(imageSources(src, [720])).toEqual({ tries: [{ src }], original: src });
    },
  );
});

describe('safe URLs', () => {
  test.for([
    ['https://example.org/a', 'href', 'a', 'https://example.org/a'],
    ['mailto:a@example.org', 'href', 'a', 'mailto:a@example.org'],
    ['/posts/x/', 'href', 'a', '/posts/x/'],
    ['#section', 'href', 'a', '#section'],
    ['javascript:void(0);', 'href', 'a', ''],
    ['JaVaScRiPt:alert(1)', 'href', 'a', ''],
    [' java\tscript:alert(1)', 'href', 'a', ''],
    ['vbscript:msgbox', 'href', 'a', ''],
    ['data:text/html,<script>alert(1)</script>', 'href', 'a', ''],
    ['data:image/png;base64,AAAA', 'src', 'img', 'data:image/png;base64,AAAA'],
    ['data:image/svg+xml;utf8,%3Csvg%20onload%3Dalert(1)%3E', 'src', 'img', ''],
    ['data:image/png;base64,AAAA', 'href', 'a', ''],
  ])('%s (%s of %s) → %s', ([url, key, tag, expected]) => {
    expect(safeUrl(url!, key!, tag)).toBe(expected);
  });
});

describe('dates', () => {
  const now = Date.parse('2024-06-10T12:00:00+08:00');
  test.for([
    ['2024-06-10T11:30:00+08:00', 'zh-CN', '30分钟前'],
    ['2024-06-10T09:00:00+08:00', 'zh-CN', '3小时前'],
    ['2024-06-08T12:00:00+08:00', 'zh-CN', '前天'],
    ['2024-06-08T12:00:00+08:00', 'en', '2 days ago'],
    ['2024-05-01T23:30:00+00:00', 'zh-CN', '2024年5月2日'],
    ['2024-05-01T23:30:00+00:00', 'en', 'May 2, 2024'],
  ])('%s in %s → %s', ([iso, lang, text]) => {
    expect(formatDate(iso!, lang!, 'Asia/Shanghai', now)).toBe(text);
  });
});

describe('the meta line', () => {
  test('an update on the day of the date is no news; on another day, in the site zone, it is', () => {
    const tz = 'Asia/Shanghai';
    expect(sameDay('2024-03-05T10:00:00+08:00', '2024-03-05T23:59:00+08:00', tz)).toBe(true);
    // the same UTC day, two days in Shanghai
    expect(sameDay('2024-03-05T15:00:00+00:00', '2024-03-05T17:00:00+00:00', tz)).toBe(false);
    expect(sameDay('2024-03-05T10:00:00+08:00', '2024-03-06T10:00:00+08:00', tz)).toBe(false);
  });

  test('reading times past an hour are hours', () => {
    expect([5, 59, 60, 89, 90, 2302].map(zhCN.readingTime)).toEqual([
      '5 分钟读完',
      '59 分钟读完',
      '约 1 小时读完',
      '约 1 小时读完',
      '约 2 小时读完',
      '约 38 小时读完',
    ]);
    expect(en.readingTime(150)).toBe('about 3 h read');
  });

  test('an author that is a web address is shown as its host', () => {
    expect(
      [
        'https://www.zhihu.com/people/x',
        'http://user@mp.weixin.qq.com/s?x=1',
        '小白菜',
        'httpd 爱好者',
        '',
      ].map(authorLabel),
    ).toEqual(['www.zhihu.com', 'mp.weixin.qq.com', '小白菜', 'httpd 爱好者', '']);
  });
});
