// Tag, category and author identity: one rule for the build and the reader.
import type { FacetKind, FacetRefsShard, PostingsRef } from './contract.ts';

/** Identity of a tag, category or author: NFKC-folded, lower case, inner whitespace folded. */
export function facetKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The shard of the facet references (FacetRefsShard) that holds a facet, by its kind and key. */
export function facetShard(kind: FacetKind, key: string, shards: number): number {
  let h = 0x811c9dc5; // FNV-1a over the code points of `kind:key`
  for (const ch of `${kind}:${key}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h % shards;
}

/** A facet's reference in its shard, if there is one (a key like `__proto__` is only ever its own). */
export function refIn(shard: FacetRefsShard, kind: FacetKind, key: string): PostingsRef | undefined {
  const refs = shard[kind];
  return refs && Object.hasOwn(refs, key) ? refs[key] : undefined;
}

// Characters that are unsafe in one path segment on common hosts and file systems.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const UNSAFE_SEGMENT = /[\u0000-\u0020\u007f/\\?#%~:*"<>|]/gu;

/**
 * A facet's URL segment and folder name: its key with unsafe characters escaped as `~xx`
 * (injective, so two keys never share a folder), and a leading dot escaped too.
 */
export function facetSlug(name: string): string {
  const escaped = facetKey(name).replace(
    UNSAFE_SEGMENT,
    (c) => `~${c.codePointAt(0)!.toString(16).padStart(2, '0')}`,
  );
  return escaped.startsWith('.') ? `~2e${escaped.slice(1)}` : escaped || '~';
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
