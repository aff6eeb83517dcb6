// Cost in proportion to input: each step that a real archive's largest posts once made super-linear,
// timed on an input and on one 10 times larger, in the same run (the fastest of seven of each, in
// turns, after a warm-up). Ten times the input may cost at most ~10 times: the bound is 14, for this machine's
// noise; the code before cost 40–800 times (Intl.Segmenter over a whole body, micromark over a whole
// 4 MB post with its setext headings, a grapheme segmenter over a 600 KB paragraph).
import { describe, expect, test } from 'vitest';
import { articleHtml } from '../../src/node/render/article.ts';
import { analyseBody, bodyPieces, countWords } from '../../src/node/read/analyse-body.ts';
import { SearchIndexBuilder } from '../../src/node/search/index-builder.ts';
import { feedHtml } from '../../src/node/render/html.ts';
import { readPost } from '../../src/node/read/read-post.ts';
import { passageText, plainText } from '../../src/shared/search-terms.ts';
import { generateRealPost } from '../bench/generate-real-corpus.ts';
import { readContext } from '../helpers/read-context.ts';

const GROWTH = 14;

/** Milliseconds one call takes. */
function timed(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

/**
 * How much more `run` costs on `make(10)` than on `make(1)`: the fastest of seven of each, the two
 * taken in turns after a warm-up (so that a busy spell of the machine, another suite's build beside
 * this one, falls on both alike).
 */
function growth<T>(make: (scale: number) => T, run: (input: T) => unknown): number {
  const small = make(1);
  const large = make(10);
  run(small);
  run(large);
  let [bestSmall, bestLarge] = [Infinity, Infinity];
  for (let i = 0; i < 7; i++) {
    bestLarge = Math.min(
      bestLarge,
      timed(() => run(large)),
    );
    bestSmall = Math.min(
      bestSmall,
      timed(() => run(small)),
    );
  }
  return bestLarge / bestSmall;
}

// A real-shaped post of the bench's corpus (post 3: ~60 KB, headings, images, bold, Latin words).
const realBody = generateRealPost(3).text.split('\n---\n')[1]!;

/** The first `chars` characters of the bench's real-shaped posts' bodies, one after another: text
 * whose terms keep coming as it grows (a body repeated holds no new ones). */
function realText(chars: number): string {
  let text = '';
  for (let n = 3; text.length < chars; n++) text += generateRealPost(n).text.split('\n---\n')[1]!;
  return text.slice(0, chars);
}

/** The search index of one post, all its files made. */
function indexOne(body: string): number {
  const builder = new SearchIndexBuilder({ id: 'scale', buckets: 64 }, 'zh-CN');
  builder.add(
    { ordinal: 0, slug: 'a', title: '标题', authors: [], tags: [], categories: [], excerpt: '' },
    body,
  );
  let bytes = 0;
  for (const [, file] of builder.files()) bytes += file.length;
  return bytes;
}

describe('10 times the input costs at most ~10 times', { timeout: 60_000 }, () => {
  test.for<[string, (scale: number) => string, (input: string) => unknown]>([
    [
      'counting Latin words',
      (k) => 'reading time counts words, 3.14 and can’t too; '.repeat(400 * k),
      countWords,
    ],
    ['counting Thai words (Intl.Segmenter)', (k) => 'ภาษาไทยไม่มีการเว้นวรรค '.repeat(100 * k), countWords],
    ['analysing a real-shaped body', (k) => realBody.repeat(3 * k), analyseBody],
    [
      'an excerpt from one long paragraph with emoji',
      (k) => '很长的一段话😀，'.repeat(4000 * k),
      analyseBody,
    ],
    [
      'a feed item of a body of setext headings',
      (k) => '标题\n---\n\n正文，一句话。\n\n'.repeat(200 * k),
      (body) => feedHtml(body, 'https://example.org/posts/a/', '阅读全文'),
    ],
    [
      "an article's HTML from a real-shaped body",
      (k) => realBody.repeat(3 * k),
      (body) => articleHtml(body, [], false, 'zh-CN'),
    ],
    [
      "an article's HTML from a body of raw HTML (sanitised)",
      (k) =>
        '<p>一段<b>加粗</b>的话，<img src="https://example.org/a.png" width="3" height="2"></p>\n\n'.repeat(
          1000 * k,
        ),
      (body) => articleHtml(body, [], true, 'zh-CN'),
    ],
    ['indexing real-shaped text for search', (k) => realText(50_000 * k), indexOne],
    [
      'a feed item of a real-shaped body',
      (k) => realBody.repeat(k),
      (body) => feedHtml(body, 'https://example.org/', '→'),
    ],
    // a hostile body's search text: each of these cost 11–14 s at 200 KB (rules matched lazily or
    // greedily from every opening to the text's end)
    ...(['![', '](', '[a](', '[^', '<!--', '<script', '<a', '[', '&a', '|', ' '] as const).map(
      (piece) =>
        [
          `the search text of ${piece} again and again`,
          (k: number) => piece.repeat(2000 * k),
          (body: string) => passageText(plainText(body)),
        ] as [string, (scale: number) => string, (input: string) => unknown],
    ),
  ])('%s', ([, make, run]) => {
    expect(growth(make, run)).toBeLessThan(GROWTH);
  });
});

test('the real archive’s largest post (4.1 MB, 3,900 headings) is analysed whole', () => {
  const { text } = generateRealPost(7);
  expect(new TextEncoder().encode(text).length).toBeGreaterThan(3_900_000);
  const facts = analyseBody(text.split('\n---\n')[1]!);
  expect(facts.headings.length).toBe(3900);
  expect(facts.wordCount).toBeGreaterThan(1_000_000);
});

describe('a long body analysed in pieces gives the facts of the whole', () => {
  const fenced = (fence: string) =>
    `段落一。\n\n${fence}js\nconst a = 1;\n\n# 不是标题\n\n![不是图片](https://example.org/x.png)\n${fence}\n\n## 真标题\n\n段落二。\n\n`;
  test.for<[string, string]>([
    ['a real-shaped body', realBody],
    [
      'fenced code with blank lines and headings inside',
      fenced('```').repeat(40) + fenced('~~~~').repeat(40),
    ],
    [
      'a fence closed by a longer one, and one left open',
      fenced('````').repeat(30) + '```\n\n# 代码\n\n'.repeat(30),
    ],
    [
      'loose lists and quotes over blank lines',
      '- 一\n\n  继续\n\n- 二\n\n> 引用\n\n> 再引用\n\n1. 三\n\n正文。\n\n'.repeat(60),
    ],
    [
      'tables and images',
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n![图](https://example.org/i.png)\n\n# 标题\n\n'.repeat(60),
    ],
    ['the same heading again and again', '## 知乎用户 发表\n\n回答。\n\n'.repeat(200)],
  ])('%s', ([, body]) => {
    expect([...bodyPieces(body, 200)].length).toBeGreaterThan(5);
    expect(analyseBody(body, 200)).toEqual(analyseBody(body, Infinity));
  });
});

test('the real archive’s post with 2,625 images has each counted, and a cover', () => {
  // read as the build reads it: its `data:` SVG placeholders repaired into images first
  const post = readPost('posts/images.md', new TextEncoder().encode(generateRealPost(11).text), readContext);
  if ('binary' in post) throw new Error(post.binary);
  // its 2,625 images and the one every generated post opens with
  expect(post.imageCount).toBe(2626);
  expect(post.cover?.src).toMatch(/^https:\/\//);
});
