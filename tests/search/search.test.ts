// Search, end to end below the browser: the build's index (src/node/search/) read by the reader's own
// code (features/search/lib/search-index.ts), over the sample content and a set of news-style Chinese
// posts written for these tests (tests/fixtures/search/). Recall is checked against the text itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { INDEX_THREAD_FROM, INDEX_THREAD_FROM_CHARS, searchIndexer } from '../../src/node/search/indexer.ts';
import { SearchIndexBuilder, searchFiles } from '../../src/node/search/index-builder.ts';
import { bodyOf } from '../../src/node/read/load-body.ts';
import { runPipeline, type PipelineResult } from '../../src/node/pipeline.ts';
import { searchFile } from '../../src/shared/paths.ts';
import { normaliseText, parseQuery, plainText } from '../../src/shared/search-terms.ts';
import {
  evaluate,
  parseBucket,
  ranked,
  type Bucket,
} from '../../src/client/features/search/lib/search-index.ts';
import { fixtures, optionsFor } from '../helpers/content-dir.ts';

interface Site {
  result: PipelineResult;
  buckets: Map<number, Bucket>;
  /** Slugs of the posts a query finds, by relevance. */
  search: (q: string, sort?: 'relevance' | 'date') => string[];
}

function indexSite(dir: string): Site {
  const result = runPipeline(optionsFor(dir), { now: Date.parse('2026-01-01T00:00:00Z') });
  const plan = result.data.manifest.search;
  const files = searchFiles(plan, result.data.manifest.site.lang, result.posts);
  const buckets = new Map(
    Array.from({ length: plan.buckets }, (_, k) => [k, parseBucket(files.get(searchFile(plan.id, k))!)]),
  );
  const search = (q: string, sort: 'relevance' | 'date' = 'relevance') =>
    ranked(evaluate(parseQuery(q), buckets, plan.buckets), sort).map((o) => result.posts[o]!.slug);
  return { result, buckets, search };
}

let news: Site;
let sample: Site;

beforeAll(() => {
  news = indexSite(path.join(fixtures, 'search'));
  sample = indexSite(path.resolve(__dirname, '../../content'));
});

describe('queries over the news fixtures find the posts that hold them', () => {
  test.for([
    ['高铁', ['gao-tie-chun-yun']],
    ['春运', ['gao-tie-chun-yun']],
    ['县城', ['zu-qiu-lian-sai', 'xin-neng-yuan-qi-che', 'ren-gong-zhi-neng']],
    ['充电桩', ['xin-neng-yuan-qi-che']],
    ['暴雨预警', ['chang-jiang-xun-qi']],
    ['人工智能', ['ren-gong-zhi-neng']],
    ['跨省直接结算', ['yi-liao-gai-ge']],
    ['工智', ['ren-gong-zhi-neng']],
    ['GDP', ['gdp-zeng-zhang']],
    ['gdp', ['gdp-zeng-zhang']],
    ['ＧＤＰ', ['gdp-zeng-zhang']],
    ['5G', ['ren-gong-zhi-neng']],
    ['新华社', ['gao-tie-chun-yun']],
    ['古镇 茶馆', ['gu-zhen-wen-hua']],
    ['经济 充电桩', ['xin-neng-yuan-qi-che']],
    ['火星殖民', []],
  ] as const)('%s', ([q, slugs]) => {
    expect(news.search(q).sort()).toEqual([...slugs].sort());
  });

  test('English words, and the word being typed as the start of words', () => {
    expect(sample.search('thread')).toContain('arraylist-thread-safety');
    expect(sample.search('static sites')).toEqual(['static-sites-at-scale']);
    expect(sample.search('arrayl')).toEqual(['arraylist-thread-safety']);
    expect(sample.search('arrayl ')).toEqual([]);
    expect(sample.search('Ubuntu')).toEqual(['shi-yong-ubuntu-bi-ji']);
  });

  test('a title that holds the query ranks first; by date, newest first', () => {
    const byRelevance = news.search('县城');
    expect(byRelevance[0]).toBe('zu-qiu-lian-sai'); // 县城足球联赛… has it in its title
    const byDate = news.search('县城', 'date');
    const ordinals = byDate.map((s) => news.result.posts.findIndex((p) => p.slug === s));
    expect(ordinals).toEqual([...ordinals].sort((a, b) => a - b));
    expect(new Set(byDate)).toEqual(new Set(byRelevance));
  });
});

/** Every run of Han characters in a text. */
const hanRuns = (text: string) => normaliseText(text).match(/\p{Script=Han}+/gu) ?? [];

describe('recall: every word of two to four characters finds every post that holds it', () => {
  for (const [name, site] of [
    ['news fixtures', () => news],
    ['sample content', () => sample],
  ] as const)
    test(name, () => {
      const { result, search } = site();
      const texts = result.posts.map((p) =>
        normaliseText(
          [p.title, p.excerpt, plainText(bodyOf(p)), ...p.tags, ...p.categories, ...p.authors].join('\n'),
        ),
      );
      let queries = 0;
      const missed: string[] = [];
      const extra: string[] = [];
      const seen = new Set<string>();
      for (const text of texts)
        for (const run of hanRuns(text))
          for (let len = 2; len <= 4; len++)
            for (let i = 0; i + len <= run.length; i++) {
              const word = run.slice(i, i + len);
              if (seen.has(word)) continue;
              seen.add(word);
              queries++;
              const found = new Set(search(word));
              const holders = result.posts.filter((_, o) => texts[o]!.includes(word)).map((p) => p.slug);
              for (const slug of holders) if (!found.has(slug)) missed.push(`${word} → ${slug}`);
              // and nothing that lacks one of the word's pairs of characters
              for (const o of [...found].map((s) => result.posts.findIndex((p) => p.slug === s)))
                for (let j = 0; j + 2 <= word.length; j++)
                  if (!texts[o]!.includes(word.slice(j, j + 2))) extra.push(`${word} → ${o}`);
            }
      expect(missed).toEqual([]);
      expect(extra).toEqual([]);
      expect(queries).toBeGreaterThan(3000);
    });
});

test('indexed on a thread of its own (a large archive) or on this one, the files are the same', async () => {
  const { result } = news;
  const { site } = result.data.manifest;
  // several buckets
  const plan = { ...result.data.manifest.search, buckets: 7 };
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-search-'));
  const inline: [string, Uint8Array][] = [];
  const here = searchIndexer(plan, site.lang, 1, out, async (files) => ({
    files: inline.push(...files),
    unchanged: 0,
  }));
  const threaded = searchIndexer(plan, site.lang, INDEX_THREAD_FROM, out, () =>
    Promise.reject(new Error('not here')),
  );
  // a few posts with long bodies (a real archive's) are indexed on a thread too
  const long = searchIndexer(
    plan,
    site.lang,
    1,
    fs.mkdtempSync(path.join(os.tmpdir(), 'folio-search-')),
    () => Promise.reject(new Error('not here')),
    INDEX_THREAD_FROM_CHARS,
  );
  for (const p of result.posts) {
    here.add(p, bodyOf(p));
    threaded.add(p, bodyOf(p));
    long.add(p, bodyOf(p));
  }
  expect(await here.finish()).toEqual({ files: plan.buckets, unchanged: 0 });
  expect(await threaded.finish()).toEqual({ files: plan.buckets, unchanged: 0 });
  expect(await long.finish()).toEqual({ files: plan.buckets, unchanged: 0 });
  for (const [name, bytes] of inline)
    expect(new Uint8Array(fs.readFileSync(path.join(out, name)))).toEqual(bytes);
});

test("told the posts have ended, the index's files are made before the build asks for them", async () => {
  const { result } = news;
  const { search: plan, site } = result.data.manifest;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-search-'));
  const last = path.join(out, searchFile(plan.id, plan.buckets - 1));
  const threaded = searchIndexer(plan, site.lang, INDEX_THREAD_FROM, out, () =>
    Promise.reject(new Error('not here')),
  );
  let written = 0;
  const here = searchIndexer(plan, site.lang, 1, out, async (files) => ({
    files: (written += [...files].length),
    unchanged: 0,
  }));
  for (const p of result.posts) {
    threaded.add(p, bodyOf(p));
    here.add(p, bodyOf(p));
  }
  threaded.end();
  here.end();
  expect(written).toBe(plan.buckets); // (on this thread: at once)
  await expect.poll(() => fs.existsSync(last), { timeout: 10_000 }).toBe(true);
  expect(await threaded.finish()).toEqual({ files: plan.buckets, unchanged: 0 });
  expect(await here.finish()).toEqual({ files: plan.buckets, unchanged: 0 }); // (made once)
  expect(written).toBe(plan.buckets);
  // a rebuild over these files leaves them as they are
  const again = searchIndexer(plan, site.lang, INDEX_THREAD_FROM, out, () =>
    Promise.reject(new Error('not here')),
  );
  for (const p of result.posts) again.add(p, bodyOf(p));
  expect(await again.finish()).toEqual({ files: plan.buckets, unchanged: plan.buckets });
});

test('pages made faster than the index can take them wait for it: only a few batches of bodies queue up', async () => {
  const { result } = news;
  const { search: plan, site } = result.data.manifest;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-search-'));
  const threaded = searchIndexer(plan, site.lang, INDEX_THREAD_FROM, out, () =>
    Promise.reject(new Error('not here')),
  );
  expect(threaded.backlog()).toBeUndefined();
  let ordinal = 0;
  // (nothing the thread says is heard while this loop runs: every batch sent is still queued)
  while (threaded.backlog() === undefined && ordinal < 100_000)
    for (const p of result.posts) threaded.add({ ...p, ordinal: ordinal++ }, bodyOf(p));
  expect(ordinal).toBeGreaterThanOrEqual(16 * 64);
  expect(ordinal).toBeLessThan(17 * 64 + result.posts.length);
  await threaded.backlog();
  expect(threaded.backlog()).toBeUndefined();
  expect((await threaded.finish()).files).toBe(plan.buckets);
});

test('a character before one past the BMP is the same term as anywhere else (one entry, both posts)', () => {
  const plan = { id: 'astral', buckets: 1 };
  const builder = new SearchIndexBuilder(plan, 'zh-CN');
  const post = (ordinal: number) => ({
    ordinal,
    slug: `p${ordinal}`,
    title: '',
    authors: [],
    tags: [],
    categories: [],
    excerpt: '',
  });
  builder.add(post(0), '中文');
  builder.add(post(1), '中𠀀');
  const [[, bytes]] = [...builder.files()] as [[string, Uint8Array]];
  const bucket = parseBucket(bytes);
  // (a bucket with the term twice would keep the later entry only: post 0 lost)
  expect(bytes.length).toBeGreaterThan(0);
  expect([...bucket.entries.keys()].sort()).toEqual(['a中', 'a中文', 'a中𠀀', 'a文', 'a𠀀'].sort());
  expect(evaluate(parseQuery('中'), new Map([[0, bucket]]), 1).all).toEqual([0, 1]);
});

test('words that run across emphasis marks are found as the reader sees them (是**学历** reads 是学历)', () => {
  const articles = indexSite(path.join(fixtures, 'articles'));
  // `而不是**学历本身**`: the pair 是学 stood across `**`, so 不是学历 found nothing
  expect(articles.search('不是学历')).toEqual(['bold-punctuation']);
  expect(articles.search('求助的是父亲')).toContain('bold-punctuation');
});
