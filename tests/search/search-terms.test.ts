// The search's shared rules: how a query is cut into terms, what text of a post is searched, the
// passage shown, and the bucket files (a term's list as gaps or as a bitmap) read back.
import { foldScript } from '../../src/shared/script-fold.ts';
import { describe, expect, test } from 'vitest';
import { SearchIndexBuilder } from '../../src/node/search/index-builder.ts';
import { searchPlan } from '../../src/node/search/plan.ts';
import { searchFile } from '../../src/shared/paths.ts';
import {
  bucketOf,
  cjkBucketOf,
  cjkTerm,
  findPassage,
  passageTarget,
  normaliseText,
  parseQuery,
  passageText,
  plainText,
  scanTerms,
  stemsWords,
  stemTerm,
} from '../../src/shared/search-terms.ts';
import { MAX_QUERY_TERMS } from '../../src/shared/search-limits.ts';
import { evaluate, parseBucket } from '../../src/client/features/search/lib/search-index.ts';

describe('parseQuery', () => {
  test.for([
    ['示范区', ['示范', '范区'], []],
    ['区', ['区'], []],
    ['官员 翻车', ['官员', '翻车'], []],
    ['GDP 数据', ['数据', 'gdp'], ['gdp']],
    ['ＧＤＰ', ['gdp'], ['gdp']],
    ['econom', ['econom'], ['econom']],
    ['econom ', ['econom'], []],
    ['ai', ['ai'], []],
    ['"长安的荔枝"', ['长安', '安的', '的荔', '荔枝'], []],
    ['<script>alert(1)</script>', ['script', 'alert', '1'], []],
    ['！？、。', [], []],
  ] as const)('%s', ([q, terms, prefixes]) => {
    const parsed = parseQuery(q);
    expect(parsed.terms.map((t) => t.text).sort()).toEqual([...terms].sort());
    expect(parsed.terms.filter((t) => t.prefix).map((t) => t.text)).toEqual(prefixes);
  });

  test('a 200-character query looks up at most 8 terms, spread over it', () => {
    const long = '中华人民共和国国家统计局发布数据'.repeat(20);
    const { terms } = parseQuery(long);
    expect(terms).toHaveLength(MAX_QUERY_TERMS);
    expect(terms[0]!.text).toBe('中华');
    expect(parseQuery('x'.repeat(5000)).terms).toEqual([]); // one word past 32 letters is no word
  });

  test('passage pieces: the whole runs first, then their pairs', () => {
    expect(parseQuery('示范区 GDP').pieces).toEqual(['示范区', 'gdp', '示范', '范区']);
  });
});

describe('plainText', () => {
  test.for([
    ['![封面](https://images.weserv.nl/?url=a.jpg) 正文', '封面', 'weserv'],
    ['见[原文](https://mp.weixin.qq.com/s/abc)。', '原文', 'weixin'],
    ['<p style="color:red">红色</p>', '红色', 'style'],
    ['地址 https://example.org/path?q=1 结束', '结束', 'example'],
    ['[id]: https://example.org/ref\n引用', '引用', 'example'],
    ['<!-- 注释 -->可见', '可见', '注释'],
    ['<script>evil()</script>文字', '文字', 'evil'],
    ['<SCRIPT type="x">evil()</script >文字', '文字', 'evil'],
    ['而不是**学历本身**。', '是学历', '*'],
    ['原创 [公众号](javascript:void(0);) 正文', '公众号 正文', ');'],
    ['数据库[^1]，托管[^note]。\n\n[^1]: 注', '数据库，托管', '^'],
    ['~~删除~~线', '删除线', '~'],
  ] as const)('%s keeps %s, drops %s', ([md, kept, dropped]) => {
    const text = plainText(md);
    expect(text).toContain(kept);
    expect(text).not.toContain(dropped);
  });
});

describe('plainText keeps what emphasis marks stand between in ASCII words', () => {
  test.for([
    ['2*3 = 6', '2*3'],
    ['snake_case and **bold**', 'snake_case and bold'],
    ['<!-- never closed 正文', '<!-- never closed 正文'],
  ] as const)('%s', ([md, kept]) => expect(plainText(md)).toContain(kept));
});

describe('passageText: no Markdown mark reaches a reader', () => {
  test.for([
    ['### 知乎用户 A 发表\n回答', '知乎用户 A 发表\n回答'],
    ['> 引用的话\n>> 更深', '引用的话\n更深'],
    ['- 一\n* 二\n1. 三\n- [x] 做完', '一\n二\n三\n做完'],
    ['| 城市 | 人口 |\n| :--- | ---: |\n| 北京 | 2185 |', '城市 人口 北京 2185'],
    ['```js\nconst a = `x`;\n```', 'const a = x;'],
    ['\\*不是强调\\*，\\#不是标题', '不是强调，#不是标题'],
    ['上文\n\n---\n\n下文', '上文 下文'],
  ] as const)('%s', ([md, text]) =>
    expect(passageText(md).replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ')),
  );
});

describe('findPassage', () => {
  test('the first match with its neighbours, every match marked', () => {
    const text = `${'前文'.repeat(40)}这是示范区的改革。示范区的经验${'后文'.repeat(60)}`;
    const parts = findPassage(text, ['示范区'], 40)!;
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['示范区', '示范区']);
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(42);
  });

  test('the passage holds the whole query where the text has it, not an earlier piece of it', () => {
    const text = `先说纠缠。${'中间的话，'.repeat(30)}再说量子纠缠的实验。`;
    const parts = findPassage(text, parseQuery('量子纠缠').pieces)!;
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toContain('量子纠缠');
    expect(passageTarget(parts)).toBe('量子纠缠');
    // two words: where both stand near each other
    const english = `Static pages first. ${'Other words here. '.repeat(12)}Static sites at scale.`;
    const found = findPassage(english, parseQuery('static sites').pieces)!;
    expect(found.map((p) => p.text).join('')).toContain('Static sites at scale');
    expect(passageTarget(found)).toBe('Static sites');
  });

  test('where no match holds the whole query, the first match leads', () => {
    const parts = findPassage(`只有纠缠。${'别的。'.repeat(40)}`, parseQuery('量子纠缠').pieces)!;
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['纠缠']);
    expect(passageTarget(parts)).toBe('纠缠');
    expect(passageTarget([{ text: 'no', mark: false }])).toBeUndefined();
  });

  test('case does not matter; no match gives nothing', () => {
    expect(findPassage('Static Sites at scale', ['static'])!.find((p) => p.mark)!.text).toBe('Static');
    expect(findPassage('没有这个词', ['示范区'])).toBeUndefined();
    expect(findPassage('a (b) c', ['(b)'])!.find((p) => p.mark)!.text).toBe('(b)');
  });
});

describe('bucket files', () => {
  const post = (ordinal: number, title: string) => ({
    ordinal,
    slug: `p${ordinal}`,
    title,
    authors: [],
    tags: [],
    categories: [],
    excerpt: '',
  });

  test('a term every post holds is a bitmap; a rare one gaps; both read back', () => {
    const plan = { id: 't', buckets: 1 };
    const builder = new SearchIndexBuilder(plan, 'zh-CN');
    for (let i = 0; i < 200; i++) builder.add(post(i, i % 50 === 7 ? '稀有标题' : '标题'), '常见的字');
    const bytes = new Map(builder.files()).get(searchFile('t', 0))!;
    const bucket = parseBucket(bytes);
    expect(bucket.entries.get('a常见')!.kind & 2).toBe(2); // bitmap
    expect(bucket.entries.get('a稀有')!.kind & 2).toBe(0); // gaps
    const buckets = new Map([[0, bucket]]);
    expect(evaluate(parseQuery('常见'), buckets, 1).all).toHaveLength(200);
    expect(evaluate(parseQuery('稀有'), buckets, 1)).toEqual({
      all: [7, 57, 107, 157],
      title: [7, 57, 107, 157],
    });
    expect(evaluate(parseQuery('的字'), buckets, 1).title).toEqual([]);
  });

  test('a truncated bucket is an error, not a wrong answer', () => {
    const builder = new SearchIndexBuilder({ id: 't', buckets: 1 }, 'zh-CN');
    builder.add(post(0, '标题'), '正文');
    const bytes = new Map(builder.files()).get(searchFile('t', 0))!;
    expect(() => parseBucket(bytes.subarray(0, bytes.length - 2))).toThrow('search bucket is cut short');
  });

  test('the build and the reader put a term in the same bucket', () => {
    expect(bucketOf('示范', 97)).toBe(bucketOf('示范', 97));
    // a word lives by its first three letters, so the word being typed finds its bucket
    expect(bucketOf('economy', 97)).toBe(bucketOf('eco', 97));
    expect(bucketOf('economists', 97)).toBe(bucketOf('econom', 97));
  });

  test("the build's bucket of a CJK term from its characters is the reader's bucket of its text", () => {
    // Han, kana, hangul syllables and jamo, the compatibility ideographs: lone and in pairs
    const chars = [...'示范区改办某某截图聊天の가ㄱ\u1100豈々'].map((c) => c.codePointAt(0)!);
    for (const buckets of [1, 7, 97, 455])
      for (const first of chars)
        for (const second of [-1, ...chars])
          expect(cjkBucketOf(first, second, buckets)).toBe(bucketOf(cjkTerm(first, second), buckets));
  });

  test("the index's name follows what it holds", () => {
    const posts = [{ ...post(0, '标题'), bodyHash: 1, bodyChars: 10 }];
    const a = searchPlan(posts, 'zh-CN');
    expect(searchPlan(posts, 'zh-CN')).toEqual(a);
    expect(searchPlan([{ ...posts[0]!, bodyHash: 2 }], 'zh-CN').id).not.toBe(a.id);
    expect(searchPlan([{ ...posts[0]!, title: '新标题' }], 'zh-CN').id).not.toBe(a.id);
    expect(searchPlan([{ ...posts[0]!, lang: 'en' }], 'zh-CN').id).not.toBe(a.id);
    expect(searchPlan(posts, 'en').id).not.toBe(a.id);
    expect(a.buckets).toBe(1);
  });

  test("English posts are found by stem too: their own lang, else the site's", () => {
    const words = 'Economies grew while running costs fell';
    const index = (siteLang: string, lang?: string) => {
      const builder = new SearchIndexBuilder({ id: 't', buckets: 3 }, siteLang);
      builder.add({ ...post(0, 'Title'), ...(lang ? { lang } : {}) }, words);
      builder.add(post(1, '标题'), '经济 economy');
      return new Map([...builder.files()].map(([, bytes], k) => [k, parseBucket(bytes)]));
    };
    const find = (buckets: Map<number, ReturnType<typeof parseBucket>>, q: string) =>
      evaluate(parseQuery(q), buckets, 3).all;
    // an English site: every post by stem; the query's words by theirs
    const en = index('en');
    expect(find(en, 'economy ')).toEqual([0, 1]);
    expect(find(en, 'run cost ')).toEqual([0]);
    expect(find(en, 'costing ')).toEqual([0]);
    // a Chinese site: words as they stand, unless the post says it is English
    const zh = index('zh-CN');
    expect(find(zh, 'economy ')).toEqual([1]);
    expect(find(zh, 'economies ')).toEqual([0]);
    expect(find(index('zh-CN', 'en-GB'), 'economy ')).toEqual([0, 1]);
  });

  test.for([
    ['economies', '~economi'],
    ['running', '~run'],
    ['gdp', '~gdp'],
    ['5g', undefined],
    ['café', undefined],
  ] as const)('stemTerm(%s) = %s', ([word, stem]) => {
    expect(stemTerm(word)).toBe(stem);
  });

  test.for([
    ['en', true],
    ['en-US', true],
    ['EN-gb', true],
    ['eng', false],
    ['zh-CN', false],
    [undefined, false],
  ] as const)('stemsWords(%s) = %s', ([lang, stems]) => {
    expect(stemsWords(lang)).toBe(stems);
  });
});

describe('normaliseText', () => {
  /** The terms a scan of a text finds, as text. */
  const termsOf = (text: string) => {
    const terms: string[] = [];
    scanTerms(text, {
      cjk: (first, second) => terms.push(cjkTerm(first, second)),
      word: (source, start, end) => terms.push(source.slice(start, end)),
    });
    return terms;
  };

  test('gives the terms of NFKC, lower case and Simplified script for every character of the BMP, after a starter it may compose with', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const text of [`A${ch}b`, `は${ch}中`, `각${ch}`]) {
        const want = termsOf(foldScript(text.normalize('NFKC').toLowerCase()));
        if (termsOf(normaliseText(text)).join('|') !== want.join('|'))
          wrong.push(`U+${c.toString(16)} in ${text}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
