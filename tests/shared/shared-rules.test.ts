// Pure rules shared by build and reader: dates, slugs, tag identity, excerpts, word counts.
import { describe, expect, test } from 'vitest';
import { parseDate, splitNameDate } from '../../src/node/read/parse-date.ts';
import { cutToBytes, foldKey, slugify } from '../../src/shared/slug.ts';
import { facetKey, facetSlug, splitTagString } from '../../src/shared/facets.ts';
import { countWords, cutExcerpt } from '../../src/node/read/analyse-body.ts';
import { weservOriginal } from '../../src/shared/images.ts';
import { isCjk } from '../../src/shared/search-terms.ts';
import { repairBody } from '../../src/node/read/repair-body.ts';

describe('parseDate keeps what was written', () => {
  test.for([
    ['2023-02-21T20:08:46.213858+00:00', 'Asia/Shanghai', '2023-02-21T20:08:46.213858+00:00'],
    ['2019-5-15T05:21:05.335366+00:00', 'Asia/Shanghai', '2019-05-15T05:21:05.335366+00:00'],
    ['2019-5-5 5:21', 'Asia/Shanghai', '2019-05-05T05:21:00+08:00'],
    ['2024-03-05 10:00:00 +0800', 'UTC', '2024-03-05T10:00:00+08:00'],
    ['2024-03-05T10:00:00-0330', 'UTC', '2024-03-05T10:00:00-03:30'],
    ['2024-03-05T10:00:00+05', 'UTC', '2024-03-05T10:00:00+05:00'],
    ['2024-03-05T10:00:00Z', 'Asia/Shanghai', '2024-03-05T10:00:00+00:00'],
    ['2024-07-01 12:00', 'America/New_York', '2024-07-01T12:00:00-04:00'],
    ['2024-01-01 12:00', 'America/New_York', '2024-01-01T12:00:00-05:00'],
    ['2015-10-01', 'Asia/Shanghai', '2015-10-01T00:00:00+08:00'],
    ['9999-12-31', 'UTC', '9999-12-31T00:00:00+00:00'],
    ['0001-01-01', 'UTC', '0001-01-01T00:00:00+00:00'],
    ['2024-02-29', 'UTC', '2024-02-29T00:00:00+00:00'],
  ])('%s in %s → %s', ([written, zone, text]) => {
    expect(parseDate(written!, zone!)).toMatchObject({ text });
  });

  test('the instant is right and sub-millisecond digits are kept for ordering', () => {
    const d = parseDate('2023-02-21T20:08:46.213858+00:00', 'UTC');
    expect(d).toEqual({
      text: '2023-02-21T20:08:46.213858+00:00',
      ms: Date.parse('2023-02-21T20:08:46.213Z'),
      sub: '858',
    });
  });

  test.for([
    ['2024-13-45', 'is not a real date or time'],
    ['2023-02-30', 'is not a real date or time'],
    ['2023-02-29', 'is not a real date or time'],
    ['2024-01-01T24:00:00', 'is not a real date or time'],
    ['yesterday', 'is not a date (expected YYYY-MM-DD[ HH:MM[:SS]][ zone])'],
    ['2024-01-01T10:00:00+25:00', 'has an impossible zone offset'],
  ])('%s → error', ([written, message]) => {
    expect(parseDate(written!, 'UTC')).toEqual({ error: expect.stringContaining(message!) });
  });

  test.for([
    ['2017-2-5-i-dont-like-zeroes', { date: '2017-2-5', rest: 'i-dont-like-zeroes' }],
    ['2008-02-02-published', { date: '2008-02-02', rest: 'published' }],
    ['0123456789abcdef0123456789abcdef', { rest: '0123456789abcdef0123456789abcdef' }],
  ] as const)('file name %s', ([name, expected]) => {
    expect(splitNameDate(name)).toEqual(expected);
  });
});

describe('slugify', () => {
  test.for([
    ['guan-yuan-fan-che', 'guan-yuan-fan-che'],
    ['又有官员翻车了', '又有官员翻车了'],
    ['escape-+ %20[]', 'escape-20'],
    ['../../etc/passwd', 'etc-passwd'],
    ['.hidden', 'hidden'],
    ['a..b', 'a-b'],
    ['v1.2.3', 'v1.2.3'],
    ['hash-#1', 'hash-1'],
    ['special-chars-(+)', 'special-chars'],
    ['trailing-dots..', 'trailing-dots'],
    ['what?', 'what'],
    ['😀', 'post'],
    ['', 'post'],
    ['snake_case Title', 'snake_case-Title'],
    // names the site writes beside a post's folder, or Windows keeps for its devices
    ['index.html', '~_index.html'],
    ['CON', '~_CON'],
    ['lpt1.txt', '~_lpt1.txt'],
    ['console', 'console'],
  ])('%s → %s', ([text, slug]) => {
    expect(slugify(text!)).toBe(slug);
  });

  test('a slug past 200 bytes of UTF-8 is cut at a character and ends in a hash of the whole', () => {
    const a = slugify('长'.repeat(100) + 'a');
    const b = slugify('长'.repeat(100) + 'b');
    expect(a).toMatch(/^长{63}~_[0-9a-z]{7}$/);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(200);
    expect(a).not.toBe(b);
    expect(slugify('长'.repeat(66))).toBe('长'.repeat(66)); // 198 bytes: as it is
    // never half a character: 😀 is two code units, 4 bytes
    expect(cutToBytes('a😀😀', 6)).toBe('a😀');
    expect(cutToBytes('a😀😀', 4)).toBe('a');
  });
});

describe('foldKey: one name to a disk that ignores case and Unicode form', () => {
  test.for([
    ['ſtory', 'Story'],
    ['λόγος', 'ΛΌΓΟΣ'],
    ['λόγοσ', 'λόγος'],
    ['Straße', 'STRASSE'],
    ['Ⅻ', 'xii'],
    ['cafe\u0301', 'Café'],
    ['ﬁle', 'FILE'],
  ])('%s and %s', ([a, b]) => {
    expect(foldKey(a!)).toBe(foldKey(b!));
  });

  test('names that differ stay apart', () => {
    expect(foldKey('story')).not.toBe(foldKey('stories'));
    expect(foldKey('台湾')).not.toBe(foldKey('台灣'));
  });
});

describe('facets', () => {
  test.for([
    ['GDP', 'gdp'],
    ['ＡＢＣ', 'abc'],
    [' 散文 ', '散文'],
    ['Machine  Learning', 'machine learning'],
    ['ſtory', 'story'],
    ['ΛΌΓΟΣ', 'λόγος'],
  ])('key of %s is %s', ([name, key]) => {
    expect(facetKey(name!)).toBe(key);
  });

  test.for([
    ['GDP', 'gdp'],
    ['示范区', '示范区'],
    ['a/b', 'a~2fb'],
    ['c#', 'c~23'],
    ['50%', '50~25'],
    ['machine learning', 'machine~20learning'],
    ['..', '~2e~2e'],
    ['a.', 'a~2e'],
    ['~', '~7e'],
    ['index.html', '~_index.html'],
    ['Feed.XML', '~_feed.xml'],
    ['~_index.html', '~7e_index.html'],
  ])('slug of %s is %s', ([name, slug]) => {
    expect(facetSlug(name!)).toBe(slug);
  });

  test('a name NFKC makes long (60 ﷺ are 1,080 characters) has a folder within 200 bytes', () => {
    const slug = facetSlug('ﷺ'.repeat(60));
    expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(200);
    expect(slug).toMatch(/~_[0-9a-z]{7}$/);
  });

  test('tag strings split on whitespace, commas, full-width commas and 、', () => {
    expect(splitTagString(' a  b,c，d、e ,')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

test('reading time and search agree on what is CJK: every code point of the BMP and the ideographs past it', () => {
  const disagree: string[] = [];
  const check = (cp: number) => {
    if (cp >= 0xd800 && cp <= 0xdfff) return;
    if ((countWords(String.fromCodePoint(cp)).cjk === 1) !== isCjk(cp)) disagree.push(cp.toString(16));
  };
  for (let cp = 0; cp < 0x10000; cp++) check(cp);
  for (const cp of [0x20000, 0x2a6df, 0x30000, 0x323af, 0x1f600]) check(cp);
  expect(disagree).toEqual([]);
  expect(countWords('々〆〇𠀀汉字').cjk).toBe(6);
});

describe('body analysis helpers', () => {
  test.for([
    [
      'https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/a/640%3Fwx_fmt%3Djpeg%26tp%3Dwxpic',
      'https://mmbiz.qpic.cn/a/640?wx_fmt=jpeg&tp=wxpic',
    ],
    ['https://images.weserv.nl/?url=pic1.zhimg.com/v2-a.jpg&w=600', 'https://pic1.zhimg.com/v2-a.jpg'],
    ['//wsrv.nl/?url=//example.org/a.png', 'https://example.org/a.png'],
    ['https://example.org/?url=https%3A//x', undefined],
    // as URLSearchParams reads the parameter: `+` is a space, a stray `%` stays as written
    ['https://images.weserv.nl/?w=300&url=example.org/a+b.png', 'https://example.org/a b.png'],
    ['https://images.weserv.nl/?url=example.org/100%.png&w=1', 'https://example.org/100%.png'],
    ['https://images.weserv.nl/?w=300', undefined],
    ['https://images.weserv.nl/?url=', undefined],
  ])('weserv original of %s', ([src, original]) => {
    expect(weservOriginal(src!)).toBe(original);
  });

  test('word counts: Han, kana and hangul per character, other words by Intl.Segmenter', () => {
    expect(countWords('中文字符 and three words かなカナ 한글')).toEqual({ cjk: 10, words: 3 });
  });

  test('excerpts never cut inside a character', () => {
    const text = '👨‍👩‍👧'.repeat(130);
    const cut = cutExcerpt(text);
    expect(cut.endsWith('👨‍👩‍👧…')).toBe(true);
    expect(Array.from(new Intl.Segmenter().segment(cut))).toHaveLength(121);
  });

  test('an SVG placeholder becomes a valid data: image', () => {
    expect(repairBody("a ![](data:image/svg+xml;utf8,<svg x='1'></svg>) b")).toBe(
      "a ![](data:image/svg+xml;utf8,%3Csvg%20x%3D'1'%3E%3C%2Fsvg%3E) b",
    );
  });
});
