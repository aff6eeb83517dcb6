// Every facet's postings reference, in shards: the filter and the search's suggestions find a facet's
// posts from one small file (src/node/emit/facets.ts writes them, facet-ordinals.ts reads them through refIn).
import { describe, expect, test } from 'vitest';
import type { FacetKind, FacetRefsShard } from '../../src/shared/contract.ts';
import { facetKey, facetShard, refIn } from '../../src/shared/facets.ts';
import { FACETS_PER_SHARD, keyCache, layFacets } from '../../src/node/emit/facets.ts';
import type { OrderedPost } from '../../src/node/collect/order-posts.ts';
import { facetRefsFile } from '../../src/shared/paths.ts';

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
    expect(layout.refFiles.size).toBe(layout.refsInfo.shards);
    for (const [kind, list] of layout.kinds)
      for (const f of list) expect(ordinalsOf(layout, kind, f.name), f.name).toEqual(f.ordinals);
    // No shard is more than twice the average.
    for (const text of layout.refFiles.values()) {
      const shard = JSON.parse(text) as FacetRefsShard;
      const held = Object.values(shard).reduce((sum, refs) => sum + Object.keys(refs).length, 0);
      expect(held).toBeLessThanOrEqual(2 * FACETS_PER_SHARD);
    }
  });

  test('no facets: one empty shard', () => {
    const layout = layFacets([post(0, [])], keyCache(new Map()));
    expect(layout.refsInfo.shards).toBe(1);
    expect([...layout.refFiles.values()]).toEqual(['{}']);
  });
});
