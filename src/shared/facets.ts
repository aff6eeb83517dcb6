// Tag, category and author identity: one rule for the build and the reader.
import type { CoTag, CoTagsShard, FacetKind, FacetRefsShard, PostingsRef } from './contract.ts';
import { fnvCodePoints } from './fnv.ts';
import { foldKey, safeSegment } from './slug.ts';

/** Identity of a tag, category or author: NFKC and case folded (foldKey), inner whitespace folded. */
export function facetKey(name: string): string {
  return foldKey(name).replace(/\s+/gu, ' ').trim();
}

/** The shard of the facet references (FacetRefsShard) that holds a facet, by its kind and key. */
export function facetShard(kind: FacetKind, key: string, shards: number): number {
  return fnvCodePoints(`${kind}:${key}`) % shards;
}

/** A facet's reference in its shard, if there is one (a key like `__proto__` is only ever its own). */
export function refIn(shard: FacetRefsShard, kind: FacetKind, key: string): PostingsRef | undefined {
  const refs = shard[kind];
  return refs && Object.hasOwn(refs, key) ? refs[key] : undefined;
}

/** The tags found with a tag, from its shard (none for an unknown one). */
export function coTagsIn(shard: CoTagsShard, key: string): CoTag[] {
  return Object.hasOwn(shard, key) ? shard[key]! : [];
}

// Characters that are unsafe in one path segment on common hosts and file systems.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const UNSAFE_SEGMENT = /[\u0000-\u0020\u007f/\\?#%~:*"<>|]/gu;

/**
 * A facet's URL segment and folder name: its key with unsafe characters escaped as `~xx`
 * (injective, so two keys never share a folder), a leading or trailing dot escaped too (Windows drops
 * a trailing one), then a safe segment (a reserved name such as `index.html` escaped, a long one cut
 * with a hash: NFKC makes 60 characters of `ﷺ` 1,080).
 */
export function facetSlug(name: string): string {
  const escaped = facetKey(name)
    .replace(UNSAFE_SEGMENT, (c) => `~${c.codePointAt(0)!.toString(16).padStart(2, '0')}`)
    .replace(/^\.|\.$/g, '~2e');
  return safeSegment(escaped || '~');
}

/** Splits one written tag text on the separators a list element may still hold (`，`, `、`). */
export function splitListElement(text: string): string[] {
  return text
    .split(/[，、]/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** Splits a tag string (`tags: a b, c，d`) on whitespace, `,`, `，` and `、`. */
export function splitTagString(text: string): string[] {
  return text
    .split(/[\s,，、]+/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** A tag cloud's font size in rem for a count, on a log scale between the smallest and largest shown. */
export function cloudSize(count: number, min: number, max: number): number {
  if (max <= min) return 1.25;
  return 0.9 + (1.5 * (Math.log(count) - Math.log(min))) / (Math.log(max) - Math.log(min));
}
