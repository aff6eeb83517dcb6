// The search index's bucket files, read (src/node/search/index-builder.ts writes them), and a query evaluated over
// them: pure functions. Ordinals are ascending, newest first, as every list of the data contract.
import { bucketOf, SEARCH_ENTRY, type ParsedQuery, type QueryTerm } from '../../../../shared/search-terms.ts';
import { intersect, union } from '../../../lib/tag-sets.ts';

/** Where a term's list lies in its bucket's bytes. */
interface Entry {
  kind: number;
  count: number;
  start: number;
  length: number;
}

/** A bucket file: its bytes, and its entries by field (`a` every text, `t` titles) and term. */
export interface Bucket {
  bytes: Uint8Array;
  entries: Map<string, Entry>;
}

const utf8 = new TextDecoder();

function readVarint(bytes: Uint8Array, at: { i: number }): number {
  let n = 0;
  for (let shift = 0; ; shift += 7) {
    if (at.i >= bytes.length) throw new Error('search bucket is cut short');
    const b = bytes[at.i++]!;
    n += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return n;
  }
}

/** A bucket's entries; a file that does not parse throws (it is retried, then reported). */
export function parseBucket(bytes: Uint8Array): Bucket {
  const entries = new Map<string, Entry>();
  const at = { i: 0 };
  while (at.i < bytes.length) {
    const kind = bytes[at.i++]!;
    const termLength = readVarint(bytes, at);
    const term = utf8.decode(bytes.subarray(at.i, at.i + termLength));
    at.i += termLength;
    const count = readVarint(bytes, at);
    const length = readVarint(bytes, at);
    if (at.i + length > bytes.length) throw new Error('search bucket is cut short');
    entries.set(`${kind & SEARCH_ENTRY.title ? 't' : 'a'}${term}`, { kind, count, start: at.i, length });
    at.i += length;
  }
  return { bytes, entries };
}

/** An entry's posts, as ascending ordinals. */
function listOf(bucket: Bucket, entry: Entry): number[] {
  const bytes = bucket.bytes.subarray(entry.start, entry.start + entry.length);
  const out: number[] = [];
  if (entry.kind & SEARCH_ENTRY.bitmap) {
    for (let i = 0; i < bytes.length; i++)
      for (let bit = 0; bit < 8; bit++) if (bytes[i]! & (1 << bit)) out.push(i * 8 + bit);
    return out;
  }
  return ordinalsOf(bytes);
}

/** A list written as varint gaps from -1 → its ascending ordinals. */
export function ordinalsOf(gaps: Uint8Array): number[] {
  const out: number[] = [];
  const at = { i: 0 };
  let ordinal = -1;
  while (at.i < gaps.length) out.push((ordinal += readVarint(gaps, at)));
  return out;
}

function unionAll(lists: number[][]): number[] {
  if (lists.length === 1) return lists[0]!;
  return [...new Set(lists.flat())].sort((x, y) => x - y);
}

/** The posts a term matches in a field: the term itself, or (typed) every word it begins. */
function matchText(bucket: Bucket, term: QueryTerm, field: 'a' | 't'): number[] {
  if (!term.prefix) {
    const entry = bucket.entries.get(field + term.text);
    return entry ? listOf(bucket, entry) : [];
  }
  const lists: number[][] = [];
  const key = field + term.text;
  for (const [k, entry] of bucket.entries) if (k.startsWith(key)) lists.push(listOf(bucket, entry));
  return lists.length === 0 ? [] : unionAll(lists);
}

/** The posts a term matches in a field: as written (matchText), or by its stem where posts have stems. */
function matchTerm(buckets: Map<number, Bucket>, count: number, term: QueryTerm, field: 'a' | 't'): number[] {
  const found = matchText(buckets.get(bucketOf(term.text, count))!, term, field);
  if (term.stem === undefined) return found;
  const bucket = buckets.get(bucketOf(term.stem, count))!;
  const stem = bucket.entries.get(field + term.stem);
  return stem ? union(found, listOf(bucket, stem)) : found;
}

/** The bucket each of a query's terms (and stems) lies in. */
export function bucketsOf(query: ParsedQuery, buckets: number): number[] {
  const texts = query.terms.flatMap((t) => (t.stem ? [t.text, t.stem] : [t.text]));
  return [...new Set(texts.map((x) => bucketOf(x, buckets)))];
}

/** What a query finds: every matching post, and those whose title holds every term. */
export interface SearchHits {
  all: number[];
  title: number[];
}

export function evaluate(query: ParsedQuery, buckets: Map<number, Bucket>, count: number): SearchHits {
  if (query.terms.length === 0) return { all: [], title: [] };
  const field = (f: 'a' | 't') =>
    query.terms
      .map((term) => matchTerm(buckets, count, term, f))
      .sort((x, y) => x.length - y.length)
      .reduce((acc, list) => intersect(acc, list));
  const all = field('a');
  return { all, title: all.length === 0 ? [] : intersect(field('t'), all) };
}

/** Hits in the chosen order: by relevance (title matches first), or by date (newest first). */
export function ranked(hits: SearchHits, sort: 'relevance' | 'date'): number[] {
  if (sort === 'date' || hits.title.length === 0) return hits.all;
  const inTitle = new Set(hits.title);
  return [...hits.title, ...hits.all.filter((o) => !inTitle.has(o))];
}
