// The search index's name and size, before any body is read again: every entry page carries them in
// the manifest (its `search`), and the buckets are made after the last post's page (index-builder.ts,
// indexer.ts). What a post gives the index (IndexedPost) is decided here.
import { createHash } from 'node:crypto';
import type { PostData, SearchInfo } from '../../shared/contract.ts';

/** Version of the bucket format: part of every index's name. */
export const SEARCH_FORMAT = 2;
/** Bytes a bucket file is meant to hold: a query's cost per term. */
const TARGET_BUCKET = 40_000;
/** Index bytes per character of text, as the bench's corpus gives (10k posts: 16.7 MiB of 22.6M). */
const BYTES_PER_CHAR = 0.75;

/** What a post gives the index: the contract's fields of a post (PostSummary, PostData) it reads. */
export type IndexedPost = Pick<
  PostData,
  'ordinal' | 'slug' | 'title' | 'authors' | 'tags' | 'categories' | 'excerpt' | 'lang'
>;

/**
 * The index's name and size, from what it will hold (each body by its hash and length) and the
 * language of posts that name none (the site's).
 */
export function searchPlan(
  posts: readonly (IndexedPost & { bodyHash: number; bodyChars: number })[],
  lang: string,
): SearchInfo {
  const hash = createHash('sha256').update(`folio search ${SEARCH_FORMAT} ${lang}\n`);
  let chars = 0;
  for (const p of posts) {
    const fields = [p.slug, p.title, ...p.authors, ...p.tags, ...p.categories, p.excerpt, p.lang ?? ''];
    hash.update(`${fields.join('\0')}\0${p.bodyHash}\n`);
    chars += p.bodyChars + fields.reduce((n, f) => n + f.length, 0);
  }
  const buckets = Math.max(1, Math.ceil((chars * BYTES_PER_CHAR) / TARGET_BUCKET));
  const id = hash.update(String(buckets)).digest('base64url').slice(0, 12).replace(/[-_]/g, 'x');
  return { id, buckets };
}
