// Every facet's postings reference, in shards: the filter and the search's suggestions find a facet's
// posts from one small file (src/node/emit/facets.ts writes them, facet-ordinals.ts reads them through
// refIn); beside each shard, its tags' tags found most often with them (coTagsIn).
import { describe, expect, test } from 'vitest';
import type { CoTagsShard, FacetKind, FacetRefsShard } from '../../src/shared/contract.ts';
import { coTagsIn, facetKey, facetShard, refIn } from '../../src/shared/facets.ts';
import { FACETS_PER_SHARD, keyCache, layFacets } from '../../src/node/emit/facets.ts';
import type { OrderedPost } from '../../src/node/collect/order-posts.ts';
import { CO_TAGS, coTagsFile, facetRefsFile } from '../../src/shared/paths.ts';

const post = (ordinal: number, tags: string[], authors: string[] = [], categories: string[] = []) =>
  ({ ordinal, tags, authors, categories }) as unknown as OrderedPost;

/** The ordinals a facet's reference points at, read from the layout's files as the reader would. */
function ordinalsOf(layout: ReturnType<typeof layFacets>, kind: FacetKind, name: string) {
  const { id, shards } = layout.refsInfo;
  const key = facetKey(name);
  const shard = JSON.parse(
    layout.refFiles.get(facetRefsFile(id, facetShard(kind, key, shards)))!,
  ) as FacetRefsShard;
  const ref = refIn(shard, kind, key);
  if (!ref) return undefined;
  const stream = ref.chunks.flatMap((c) => JSON.parse(layout.chunks.get(c)!) as number[]);
  return stream.slice(ref.offset, ref.offset + ref.count);
}

/** A tag's tags found with it, read from the layout's files as the reader would. */
function coTagsOf(layout: ReturnType<typeof layFacets>, name: string) {
  const { id, shards } = layout.refsInfo;
  const key = facetKey(name);
  const text = layout.refFiles.get(coTagsFile(id, facetShard('tag', key, shards)))!;
  return coTagsIn(JSON.parse(text) as CoTagsShard, key);
}

/** The reference shards alone (the tags found together lie beside them). */
const refShards = (layout: ReturnType<typeof layFacets>) =>
  [...layout.refFiles].filter(([name]) => !name.includes('/with-')).map(([, text]) => text);

describe('facet references', () => {
  test('names that are also object keys are facets like any other', () => {
    const layout = layFacets(
      [
        post(0, ['__proto__', 'constructor', 'toString'], ['hasOwnProperty']),
        post(1, ['__proto__', 'Constructor'], [], ['valueOf']),
      ],
      keyCache(new Map()),
    );
    expect(ordinalsOf(layout, 'tag', '__proto__')).toEqual([0, 1]);
    expect(ordinalsOf(layout, 'tag', 'constructor')).toEqual([0, 1]); // one facet: the key folds case
    expect(ordinalsOf(layout, 'tag', 'toString')).toEqual([0]);
    expect(ordinalsOf(layout, 'author', 'hasOwnProperty')).toEqual([0]);
    expect(ordinalsOf(layout, 'category', 'valueOf')).toEqual([1]);
    // Unknown ones, even those every object inherits, have no reference.
    expect(ordinalsOf(layout, 'tag', 'valueOf')).toBeUndefined();
    expect(ordinalsOf(layout, 'tag', 'hasOwnProperty')).toBeUndefined();
    expect(ordinalsOf(layout, 'author', '__proto__')).toBeUndefined();
  });

  test('thousands of facets spread over shards of about FACETS_PER_SHARD, each found where it lies', () => {
    const posts = Array.from({ length: 3000 }, (_, i) =>
      post(i, [`标签${i % 1000}`, `tag ${i % 7}`], [`作者${i % 150}`], i % 2 ? ['分类'] : []),
    );
    const layout = layFacets(posts, keyCache(new Map()));
    const facets = 1000 + 7 + 150 + 1;
    expect(layout.refsInfo.shards).toBe(Math.ceil(facets / FACETS_PER_SHARD));
    expect(refShards(layout)).toHaveLength(layout.refsInfo.shards);
    expect(layout.refFiles.size).toBe(2 * layout.refsInfo.shards);
    for (const [kind, list] of layout.kinds)
      for (const f of list) expect(ordinalsOf(layout, kind, f.name), f.name).toEqual(f.ordinals);
    // every tag's tags found with it are where the reader looks: 标签5 is on posts 5, 1005 and 2005,
    // with tag 5, tag 4 and tag 3
    expect(coTagsOf(layout, '标签5')).toEqual([
      ['tag 3', 1],
      ['tag 4', 1],
      ['tag 5', 1],
    ]);
    expect(coTagsOf(layout, 'tag 0')).toHaveLength(CO_TAGS);
    // No shard is more than twice the average.
    for (const text of refShards(layout)) {
      const shard = JSON.parse(text) as FacetRefsShard;
      const held = Object.values(shard).reduce((sum, refs) => sum + Object.keys(refs).length, 0);
      expect(held).toBeLessThanOrEqual(2 * FACETS_PER_SHARD);
    }
  });

  test('no facets: one empty shard', () => {
    const layout = layFacets([post(0, [])], keyCache(new Map()));
    expect(layout.refsInfo.shards).toBe(1);
    expect([...layout.refFiles.values()]).toEqual(['{}', '{}']);
  });
});

describe('tags found together', () => {
  test('are counted over every post of the tag, not the newest: 日本 is found most with 中国', () => {
    // the six newest posts on 日本 each carry a tag of their own (高山…); the 24 before them 中国
    const own = ['高山', '温泉', '樱花', '京都', '富士', '北海道'];
    const posts = [
      ...own.map((tag, i) => post(i, ['日本', tag])),
      ...Array.from({ length: 24 }, (_, i) => post(6 + i, ['日本', '中国'])),
      ...Array.from({ length: 5 }, (_, i) => post(30 + i, ['中国', '经济'])),
    ];
    const layout = layFacets(posts, keyCache(new Map()));
    const japan = coTagsOf(layout, '日本');
    expect(japan[0]).toEqual(['中国', 24]);
    expect(japan.slice(1).map(([, n]) => n)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(coTagsOf(layout, '中国')).toEqual([
      ['日本', 24],
      ['经济', 5],
    ]);
    expect(coTagsOf(layout, '没有的标签')).toEqual([]);
  });

  test('most posts first, then the more used tag; a tag written twice on a post counts once; at most CO_TAGS', () => {
    const posts = [
      post(0, ['a', 'b', 'B', 'c']),
      post(1, ['a', 'c']),
      post(2, ['c', 'd']),
      post(3, ['a', ...Array.from({ length: 30 }, (_, i) => `x${i}`)]),
    ];
    const layout = layFacets(posts, keyCache(new Map()));
    const a = coTagsOf(layout, 'a');
    expect(a.slice(0, 2)).toEqual([
      ['c', 2],
      ['B', 1], // (one tag, named as the tag is)
    ]);
    expect(a).toHaveLength(CO_TAGS);
    expect(coTagsOf(layout, 'b')).toEqual([
      ['a', 1],
      ['c', 1],
    ]);
  });

  test('names that are also object keys are tags like any other', () => {
    const layout = layFacets([post(0, ['__proto__', 'constructor'])], keyCache(new Map()));
    expect(coTagsOf(layout, '__proto__')).toEqual([['constructor', 1]]);
    expect(coTagsOf(layout, 'toString')).toEqual([]);
  });
});
