// Names that differ only in case, width or script are one tag (category, author), named as the oldest
// post wrote it; the operator's hidden tags are taken off (src/node/collect/canonical-names.ts).
import { expect, test } from 'vitest';
import { canonicalNames } from '../../src/node/collect/canonical-names.ts';
import type { OrderedPost } from '../../src/node/collect/order-posts.ts';

const post = (ordinal: number, tags: string[], authors: string[] = [], categories: string[] = []) =>
  ({ ordinal, slug: `p${ordinal}`, tags, authors, categories }) as unknown as OrderedPost;

test('台灣, 臺灣 and 台湾 are one tag, named as the oldest post wrote it; GDP and ｇｄｐ too', () => {
  // newest first: the oldest post (the last) wrote 台湾 and GDP
  const posts = [post(0, ['臺灣', 'ｇｄｐ']), post(1, ['台灣', '经济']), post(2, ['台湾', 'GDP'])];
  const out = canonicalNames(posts).posts;
  expect(out.map((p) => p.tags)).toEqual([
    ['台湾', 'GDP'],
    ['台湾', '经济'],
    ['台湾', 'GDP'],
  ]);
  expect(out[2]).toBe(posts[2]); // nothing to change: the same post
});

test('a post that wrote two forms of one tag carries it once; authors and categories fold too', () => {
  const posts = [
    post(0, ['台灣', '台湾'], ['中央社'], ['臺灣新聞']),
    post(1, ['台湾'], ['中央社'], ['台湾新闻']),
  ];
  const [first] = canonicalNames(posts).posts;
  expect(first!.tags).toEqual(['台湾']);
  expect(first!.categories).toEqual(['台湾新闻']);
  expect(first!.authors).toEqual(['中央社']);
});

test('a renamed post is the same copy from run to run (the dev server knows posts by identity)', () => {
  const posts = [post(0, ['臺灣']), post(1, ['台湾'])];
  const once = canonicalNames(posts).posts;
  const again = canonicalNames(posts).posts;
  expect(once[0]).not.toBe(posts[0]);
  expect(again[0]).toBe(once[0]);
  // an older post that wrote another form renames it anew
  const older = canonicalNames([...posts, post(2, ['臺灣'])]).posts;
  expect(older.map((p) => p.tags)).toEqual([['臺灣'], ['臺灣'], ['臺灣']]);
});

test('hidden tags are taken off every post, matched across case, width and script, and counted', () => {
  const posts = [
    post(0, ['臺灣', '经济']),
    post(1, ['台湾', 'Ads']),
    post(2, ['经济']),
    post(3, ['ＡＤＳ', '旅行']),
  ];
  const { posts: out, hidden } = canonicalNames(posts, { hidden: ['台灣', 'ads', '没有的标签'] });
  expect(out.map((p) => p.tags)).toEqual([['经济'], [], ['经济'], ['旅行']]);
  expect(out[2]).toBe(posts[2]);
  expect(hidden).toEqual([
    { tag: '台灣', posts: 2 },
    { tag: 'ads', posts: 2 },
    { tag: '没有的标签', posts: 0 },
  ]);
  // categories and authors of the same name stay: the list is of tags
  const [withCategory] = canonicalNames([post(0, ['ads'], ['ads'], ['ads'])], { hidden: ['ads'] }).posts;
  expect([withCategory!.tags, withCategory!.authors, withCategory!.categories]).toEqual([
    [],
    ['ads'],
    ['ads'],
  ]);
});

test("synonyms rename a tag to the operator's name, matched across case, width and script, and are counted", () => {
  // newest first; USA (and ｕｓａ) become 美国, which the oldest post wrote as 美國
  const posts = [post(0, ['USA', '经济']), post(1, ['ｕｓａ', '美国']), post(2, ['经济']), post(3, ['美國'])];
  const { posts: out, synonyms } = canonicalNames(posts, { synonyms: { usa: '美国', 没有的: '别的' } });
  expect(out.map((p) => p.tags)).toEqual([['美国', '经济'], ['美国'], ['经济'], ['美国']]);
  expect(out[2]).toBe(posts[2]);
  expect(synonyms).toEqual([
    { from: 'usa', to: '美国', posts: 2 },
    { from: '没有的', to: '别的', posts: 0 },
  ]);
  // a synonym's name can be hidden: its posts lose it too
  const hidden = canonicalNames(posts, { synonyms: { USA: '美国' }, hidden: ['美国'] });
  expect(hidden.posts.map((p) => p.tags)).toEqual([['经济'], [], ['经济'], []]);
  expect(hidden.hidden).toEqual([{ tag: '美国', posts: 3 }]);
});
