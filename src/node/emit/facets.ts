// Ordered posts → their tags, categories and authors, each with its posts, and the postings files
// that carry those lists. In: posts newest first. Out: the facets by kind (most used first), the
// postings files, and where each facet's list lies in them.
import type {
  CoTag,
  CoTagsShard,
  FacetKind,
  FacetRefsInfo,
  FacetRefsShard,
  PostingsRef,
} from '../../shared/contract.ts';
import { facetKey, facetShard } from '../../shared/facets.ts';
import { CO_TAGS, coTagsFile, dataFile, facetRefsFile, POSTINGS_CHUNK } from '../../shared/paths.ts';
import { contentHash } from '../hash.ts';
import type { OrderedPost } from '../collect/order-posts.ts';

export interface Facet {
  /** The name as the oldest post wrote it. */
  name: string;
  /** Its posts' ordinals, newest first. */
  ordinals: number[];
}

export interface FacetLayout {
  kinds: [FacetKind, Facet[]][];
  /** Postings file name → JSON text. */
  chunks: Map<string, string>;
  /** Each facet's place in the postings, in the order of `kinds`. */
  refs: PostingsRef[][];
  /** Each facet by kind and key: its index in `kinds`' list. */
  index: Map<string, number>[];
  /** Each tag's (in the order of its kind's list) tags found most often with it (CoTagsShard). */
  coTags: CoTag[][];
  /** Every facet's reference by kind and key, and every tag's tags found with it, in shards: file name → JSON text. */
  refFiles: Map<string, string>;
  /** Where those shards lie (the manifest's `facetRefs`). */
  refsInfo: FacetRefsInfo;
}

/** Facets per shard of the references, on average: a shard is about 1.5 KB gzipped. */
export const FACETS_PER_SHARD = 64;

/** facetKey, remembered: 10k posts name their 3,000 tags 50,000 times. */
export function keyCache(keys: Map<string, string>): (name: string) => string {
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = facetKey(name)));
    return key;
  };
}

export const FACET_NAMES = {
  tag: (p: OrderedPost) => p.tags,
  category: (p: OrderedPost) => p.categories,
  author: (p: OrderedPost) => p.authors,
} as const;

function collectFacets(
  posts: OrderedPost[],
  pick: (p: OrderedPost) => string[],
  keyOf: (name: string) => string,
): Facet[] {
  const byKey = new Map<string, Facet>();
  for (const p of posts) {
    for (const name of pick(p)) {
      const key = keyOf(name);
      let f = byKey.get(key);
      if (!f) byKey.set(key, (f = { name, ordinals: [] }));
      f.name = name; // posts come newest first: the oldest post's form wins, so new posts rename nothing
      f.ordinals.push(p.ordinal);
    }
  }
  return [...byKey.values()].sort(
    (a, b) => b.ordinals.length - a.ordinals.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

const sameNames = (a: string[], b: string[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** Whether the facets of `last` hold for `posts`: every post in its place, with the same names. */
export function facetsHold(posts: OrderedPost[], last: OrderedPost[]): boolean {
  if (posts.length !== last.length) return false;
  for (let i = 0; i < posts.length; i++) {
    const a = posts[i]!;
    const b = last[i]!;
    if (
      a !== b &&
      !(sameNames(a.tags, b.tags) && sameNames(a.categories, b.categories) && sameNames(a.authors, b.authors))
    )
      return false;
  }
  return true;
}

export function layFacets(posts: OrderedPost[], keyOf: (name: string) => string): FacetLayout {
  const kinds = (Object.keys(FACET_NAMES) as FacetKind[]).map((kind): [FacetKind, Facet[]] => [
    kind,
    collectFacets(posts, FACET_NAMES[kind], keyOf),
  ]);
  // Ordinals of all kinds in one stream, cut into postings chunks.
  const stream: number[] = [];
  const spans: [number, number][] = [];
  for (const [, facets] of kinds)
    for (const f of facets) {
      spans.push([stream.length, f.ordinals.length]);
      for (const o of f.ordinals) stream.push(o);
    }
  const chunks = new Map<string, string>();
  const chunkNames: string[] = [];
  for (let i = 0; i < stream.length; i += POSTINGS_CHUNK) {
    const text = JSON.stringify(stream.slice(i, i + POSTINGS_CHUNK));
    const name = dataFile('postings', contentHash(text));
    chunks.set(name, text);
    chunkNames.push(name);
  }
  let span = 0;
  const refs = kinds.map(([, facets]) =>
    facets.map(() => {
      const [at, count] = spans[span++]!;
      const first = Math.floor(at / POSTINGS_CHUNK);
      const last = Math.floor((at + count - 1) / POSTINGS_CHUNK);
      return {
        chunks: chunkNames.slice(first, last + 1),
        offset: at - first * POSTINGS_CHUNK,
        count,
      } satisfies PostingsRef;
    }),
  );
  const index = kinds.map(([, facets]) => new Map(facets.map((f, i) => [keyOf(f.name), i])));
  const tagAt = kinds.findIndex(([kind]) => kind === 'tag');
  const coTags = together(posts, kinds[tagAt]![1], index[tagAt]!, keyOf);
  return { kinds, chunks, refs, index, coTags, ...shardRefs(kinds, refs, index, tagAt, coTags) };
}

/**
 * Each tag's tags found most often with it, counted over every post (a post's 64 tags at most make
 * 4,032 pairs: normalise-post.ts caps them), most posts first, then the more used tag. One tag at a
 * time, over its posts, into one array of counters (a map per tag cost 0.3 s at 100k posts).
 */
function together(
  posts: OrderedPost[],
  tags: Facet[],
  byKey: Map<string, number>,
  keyOf: (name: string) => string,
): CoTag[][] {
  // each post's tags (ids, once each) and each tag's posts, by position
  const starts = new Int32Array(posts.length + 1);
  const ids: number[] = [];
  const postsOf = tags.map((): number[] => []);
  posts.forEach((p, i) => {
    for (const name of p.tags) {
      const id = byKey.get(keyOf(name))!;
      let k = starts[i]!;
      while (k < ids.length && ids[k] !== id) k++;
      if (k === ids.length) {
        ids.push(id);
        postsOf[id]!.push(i);
      }
    }
    starts[i + 1] = ids.length;
  });
  const counts = new Int32Array(tags.length);
  const seen: number[] = [];
  return postsOf.map((positions, a) => {
    seen.length = 0;
    for (const i of positions)
      for (let k = starts[i]!; k < starts[i + 1]!; k++) {
        const b = ids[k]!;
        if (b !== a && counts[b]++ === 0) seen.push(b);
      }
    const best = top(seen, counts);
    for (const b of seen) counts[b] = 0;
    return best.map(([id, n]): CoTag => [tags[id]!.name, n]);
  });
}

/**
 * Of the tags `seen`, the CO_TAGS counted most (then the more used tag: the lower id), in that order,
 * with their counts: one pass that keeps the best so far (a popular tag is found with thousands).
 */
function top(seen: number[], counts: Int32Array): [number, number][] {
  const keep = CO_TAGS;
  const best: [number, number][] = [];
  const before = (id: number, n: number, [otherId, other]: [number, number]) =>
    n > other || (n === other && id < otherId);
  for (const id of seen) {
    const n = counts[id]!;
    if (best.length === keep && !before(id, n, best[keep - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(id, n, best[at - 1]!)) at--;
    best.splice(at, 0, [id, n]);
    if (best.length > keep) best.pop();
  }
  return best;
}

/**
 * The facets' references in shards of about FACETS_PER_SHARD, each facet in its facetShard; beside
 * each, the same shard's tags' tags found with them.
 */
function shardRefs(
  kinds: [FacetKind, Facet[]][],
  refs: PostingsRef[][],
  index: FacetLayout['index'],
  tagAt: number,
  coTags: CoTag[][],
): Pick<FacetLayout, 'refFiles' | 'refsInfo'> {
  const total = index.reduce((sum, byKey) => sum + byKey.size, 0);
  const shards = Math.max(1, Math.ceil(total / FACETS_PER_SHARD));
  // Entries made as own properties (a tag named `__proto__` is a key like any other).
  const entries = Array.from({ length: shards }, () => new Map<FacetKind, [string, PostingsRef][]>());
  kinds.forEach(([kind], k) => {
    for (const [key, i] of index[k]!) {
      const shard = entries[facetShard(kind, key, shards)]!;
      let list = shard.get(kind);
      if (!list) shard.set(kind, (list = []));
      list.push([key, refs[k]![i]!]);
    }
  });
  const texts = entries.map((shard) =>
    JSON.stringify(
      Object.fromEntries(
        [...shard].map(([kind, list]) => [kind, Object.fromEntries(list)]),
      ) as FacetRefsShard,
    ),
  );
  const withShards = Array.from({ length: shards }, (): [string, CoTag[]][] => []);
  for (const [key, i] of index[tagAt]!) withShards[facetShard('tag', key, shards)]!.push([key, coTags[i]!]);
  const withTexts = withShards.map((list) => JSON.stringify(Object.fromEntries(list) as CoTagsShard));
  const id = contentHash([...texts, ...withTexts].join('\n'));
  return {
    refFiles: new Map([
      ...texts.map((text, k): [string, string] => [facetRefsFile(id, k), text]),
      ...withTexts.map((text, k): [string, string] => [coTagsFile(id, k), text]),
    ]),
    refsInfo: { id, shards },
  };
}
