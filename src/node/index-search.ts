// Published posts → the search index. In: the posts in ordinal order, each with its title and its text
// (search-terms.ts says what a term is). Out: for every term, the posts that hold it (and, apart, those
// whose title holds it), as ordinals, in bucket files; a query fetches one bucket per term. The index's
// name and bucket count (the manifest's `search`) are known before any body is read again (searchPlan):
// every entry page carries them, and the buckets are written after the last post's page.
//
// A 10,000-post archive of the sample's format holds ~250,000 terms and ~19 million (term, post) pairs:
// each term's list grows as varint gaps in 32-byte blocks of shared pages, not as an array of its own
// (a typed array per term cost ~100 bytes before its first posting).
import { createHash } from 'node:crypto';
import type { SearchInfo } from '../shared/contract.ts';
import { searchFile } from '../shared/paths.ts';
import { bodyOf, type BodySource } from './load-body.ts';
import {
  bucketOf,
  cjkTerm,
  normaliseText,
  plainText,
  scanTerms,
  SEARCH_ENTRY,
  type TermSink,
} from '../shared/search-terms.ts';

/** Version of the bucket format: part of every index's name. */
export const SEARCH_FORMAT = 1;
/** Bytes a bucket file is meant to hold: a query's cost per term. */
const TARGET_BUCKET = 40_000;
/** Index bytes per character of text, as the bench's corpus gives (10k posts: 16.7 MiB of 22.6M). */
const BYTES_PER_CHAR = 0.75;

/** What a post gives the index. */
export interface IndexedPost {
  ordinal: number;
  slug: string;
  title: string;
  authors: string[];
  tags: string[];
  categories: string[];
  excerpt: string;
}

/** The index's name and size, from what it will hold (each body by its hash and length). */
export function searchPlan(
  posts: readonly (IndexedPost & { bodyHash: number; bodyChars: number })[],
): SearchInfo {
  const hash = createHash('sha256').update(`folio search ${SEARCH_FORMAT}\n`);
  let chars = 0;
  for (const p of posts) {
    const fields = [p.slug, p.title, ...p.authors, ...p.tags, ...p.categories, p.excerpt];
    hash.update(`${fields.join('\0')}\0${p.bodyHash}\n`);
    chars += p.bodyChars + fields.reduce((n, f) => n + f.length, 0);
  }
  const buckets = Math.max(1, Math.ceil((chars * BYTES_PER_CHAR) / TARGET_BUCKET));
  const id = hash.update(String(buckets)).digest('base64url').slice(0, 12).replace(/[-_]/g, 'x');
  return { id, buckets };
}

const BLOCK = 32;
const PAGE_BLOCKS = 1 << 15;

/**
 * Terms and their postings. A CJK term of BMP characters is the key `first << 16 | second` (second 0
 * for a lone character) in an open-addressing table; other terms are strings in a Map. Term ids index
 * the per-term arrays; each term's varint gaps fill 32-byte blocks of shared pages, chained.
 */
class Postings {
  /** Open addressing: slot i holds a key at 2i and its term id at 2i + 1 (0 = empty: no key is 0). */
  private table = new Int32Array(1 << 17);
  private shift = 16;
  private used = 0;
  private readonly strings = new Map<string, number>();
  /** Ids of lone BMP characters by code (a character is the most frequent kind of term). */
  private readonly chars = new Int32Array(0x10000).fill(-1);
  /** Per term, 4 numbers side by side (one cache line): last ordinal, posts, bytes, tail block. */
  state = new Int32Array(4096);
  private head = new Int32Array(1024);
  private cjkKey = new Int32Array(1024);
  /** Texts of the terms that are not CJK characters of the BMP. */
  private readonly text: string[] = [];
  terms = 0;
  private readonly pages: Uint8Array[] = [];
  private next = new Int32Array(1024);
  private blocks = 0;

  /** The id of a lone BMP character, made on first sight. */
  char(cp: number): number {
    let id = this.chars[cp]!;
    if (id < 0) {
      id = this.chars[cp] = this.newTerm();
      this.cjkKey[id] = cp << 16;
    }
    return id;
  }

  /** The id of a pair of BMP characters (`first << 16 | second`), made on first sight. */
  pair(key: number): number {
    const table = this.table;
    const mask = (table.length >>> 1) - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> (32 - this.shift); ; i = (i + 1) & mask) {
      const k = table[i << 1]!;
      if (k === key) return table[(i << 1) | 1]!;
      if (k === 0) {
        const id = this.newTerm();
        this.cjkKey[id] = key;
        table[i << 1] = key;
        table[(i << 1) | 1] = id;
        if (++this.used * 2 > mask + 1) this.growTable();
        return id;
      }
    }
  }

  private growTable(): void {
    const old = this.table;
    this.shift++;
    const table = (this.table = new Int32Array(old.length * 2));
    const mask = (table.length >>> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0) continue;
      let at = Math.imul(old[j]!, 0x9e3779b1) >>> (32 - this.shift);
      while (table[at << 1] !== 0) at = (at + 1) & mask;
      table[at << 1] = old[j]!;
      table[(at << 1) | 1] = old[j + 1]!;
    }
  }

  /** The id of any other term, made on first sight. */
  string(term: string): number {
    let id = this.strings.get(term);
    if (id === undefined) {
      id = this.newTerm();
      this.text[id] = term;
      this.strings.set(term, id);
    }
    return id;
  }

  private newTerm(): number {
    const id = this.terms++;
    if (id === this.head.length) {
      const grow = (a: Int32Array, n: number) => {
        const b = new Int32Array(n);
        b.set(a);
        return b;
      };
      this.head = grow(this.head, id * 2);
      this.cjkKey = grow(this.cjkKey, id * 2);
      this.state = grow(this.state, id * 8);
    }
    const block = this.block();
    this.head[id] = block;
    this.state[id << 2] = -1;
    this.state[(id << 2) | 3] = block;
    return id;
  }

  private block(): number {
    const at = this.blocks++;
    if ((at & (PAGE_BLOCKS - 1)) === 0) this.pages.push(new Uint8Array(PAGE_BLOCKS * BLOCK));
    if (at === this.next.length) {
      const next = new Int32Array(at * 2);
      next.set(this.next);
      this.next = next;
    }
    return at;
  }

  /** Adds a post to a term's list once (posts come in ordinal order). */
  add(id: number, ordinal: number): void {
    const state = this.state;
    const s = id << 2;
    const last = state[s]!;
    if (last === ordinal) return;
    state[s] = ordinal;
    state[s + 1]!++;
    let gap = ordinal - last;
    while (gap > 0x7f) {
      this.put(s, (gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    this.put(s, gap);
  }

  private put(s: number, byte: number): void {
    const state = this.state;
    const n = state[s + 2]!++;
    let block = state[s + 3]!;
    if (n > 0 && (n & (BLOCK - 1)) === 0) {
      const fresh = this.block();
      this.next[block] = fresh;
      state[s + 3] = block = fresh;
    }
    this.pages[block >>> 15]![((block & (PAGE_BLOCKS - 1)) << 5) | (n & (BLOCK - 1))] = byte;
  }

  /** Posts that hold a term. */
  count(id: number): number {
    return this.state[(id << 2) | 1]!;
  }

  /** Bytes of a term's varint gaps. */
  size(id: number): number {
    return this.state[(id << 2) | 2]!;
  }

  /** Copies a term's varint gaps out of its blocks into `out` at `offset`. */
  copyGaps(id: number, out: Uint8Array, offset: number): void {
    const length = this.state[(id << 2) | 2]!;
    let block = this.head[id]!;
    for (let n = 0; n < length; block = this.next[block]!) {
      const page = this.pages[block >>> 15]!;
      const at = (block & (PAGE_BLOCKS - 1)) << 5;
      const end = Math.min(n + BLOCK, length);
      for (let j = at; n < end; j++) out[offset + n++] = page[j]!;
    }
  }

  /** The text of a term. */
  termOf(id: number): string {
    const text = this.text[id];
    if (text !== undefined) return text;
    const key = this.cjkKey[id]!;
    return cjkTerm(key >>> 16, key & 0xffff || -1);
  }
}

/** A growing byte buffer: a bucket file as it is made. */
class Bytes {
  buf = new Uint8Array(1 << 16);
  length = 0;

  room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }

  varint(n: number): void {
    this.room(5);
    while (n > 0x7f) {
      this.buf[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.length++] = n;
  }

  /** A copy of what was written; the buffer is emptied for the next file. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

/** Sets the bits of a list's ordinals, from its varint gaps in `gaps[from, to)`. */
function setBits(gaps: Uint8Array, from: number, to: number, bits: Uint8Array): void {
  let ordinal = -1;
  for (let i = from; i < to;) {
    let gap = 0;
    for (let shift = 0; ; shift += 7) {
      const b = gaps[i++]!;
      gap |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    ordinal += gap;
    bits[ordinal >>> 3]! |= 1 << (ordinal & 7);
  }
}

const utf8 = new TextEncoder();

/** Adds the terms a scan finds to a post's lists (and to its title's, for a title). */
class Collect implements TermSink {
  constructor(
    private readonly list: Postings,
    private readonly ordinal: number,
    private readonly title?: Postings,
  ) {}

  cjk(first: number, second: number): void {
    Collect.cjkInto(this.list, first, second, this.ordinal);
    if (this.title) Collect.cjkInto(this.title, first, second, this.ordinal);
  }

  word(word: string): void {
    this.list.add(this.list.string(word), this.ordinal);
    this.title?.add(this.title.string(word), this.ordinal);
  }

  private static cjkInto(list: Postings, first: number, second: number, ordinal: number): void {
    if (first > 0xffff || second > 0xffff) {
      list.add(list.string(cjkTerm(first, -1)), ordinal);
      if (second >= 0) list.add(list.string(cjkTerm(first, second)), ordinal);
    } else {
      list.add(list.char(first), ordinal);
      if (second >= 0) list.add(list.pair((first << 16) | second), ordinal);
    }
  }
}

export class SearchIndexBuilder {
  /** Every term's posts; and, apart, the posts whose title holds it (relevance). */
  private readonly lists = { all: new Postings(), title: new Postings() };
  private posts = 0;

  constructor(private readonly plan: SearchInfo) {}

  /** Adds a post's terms; posts come in ordinal order. `body` is its Markdown. */
  add(post: IndexedPost, body: string): void {
    const ordinal = post.ordinal;
    this.posts = Math.max(this.posts, ordinal + 1);
    const { all, title } = this.lists;
    scanTerms(normaliseText(post.title), new Collect(all, ordinal, title));
    const rest = new Collect(all, ordinal);
    for (const text of [...post.authors, ...post.tags, ...post.categories, post.excerpt])
      scanTerms(normaliseText(text), rest);
    scanTerms(normaliseText(plainText(body)), rest);
  }

  /** Terms held, and (term, post) pairs: for the build's figures. */
  stats(): { terms: number; pairs: number } {
    let pairs = 0;
    const { all } = this.lists;
    for (let i = 0; i < all.terms; i++) pairs += all.count(i);
    return { terms: all.terms, pairs };
  }

  /**
   * The bucket files. Each holds entries: kind (SEARCH_ENTRY bits), the term's UTF-8 length and bytes, the
   * number of posts, the payload's length, and the payload: varint gaps from -1, or a bitmap over
   * every ordinal when that is smaller.
   */
  *files(): Generator<[string, Uint8Array]> {
    const { plan } = this;
    const buckets = plan.buckets;
    const total = this.posts;
    // Each list's term ids by bucket (a counting sort).
    const byBucket = (list: Postings) => {
      const bucket = new Int32Array(list.terms);
      const starts = new Int32Array(buckets + 1);
      for (let id = 0; id < list.terms; id++) {
        bucket[id] = bucketOf(list.termOf(id), buckets);
        starts[bucket[id]! + 1]!++;
      }
      for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
      const order = new Int32Array(list.terms);
      const at = starts.slice(0, buckets);
      for (let id = 0; id < list.terms; id++) order[at[bucket[id]!]!++] = id;
      return { starts, order };
    };
    const lists = [
      { list: this.lists.all, kind: 0, ...byBucket(this.lists.all) },
      { list: this.lists.title, kind: SEARCH_ENTRY.title, ...byBucket(this.lists.title) },
    ];
    const out = new Bytes();
    const bitmapSize = Math.ceil(total / 8);
    for (let b = 0; b < buckets; b++) {
      for (const { list, kind: field, starts, order } of lists)
        for (let i = starts[b]!; i < starts[b + 1]!; i++) {
          const id = order[i]!;
          const term = utf8.encode(list.termOf(id));
          const size = list.size(id);
          const bitmap = size > bitmapSize;
          out.byte(bitmap ? field | SEARCH_ENTRY.bitmap : field);
          out.varint(term.length);
          out.room(term.length);
          out.buf.set(term, out.length);
          out.length += term.length;
          out.varint(list.count(id));
          out.varint(bitmap ? bitmapSize : size);
          out.room(size + bitmapSize);
          if (bitmap) {
            // the gaps go past the bitmap's end first, then become its bits
            list.copyGaps(id, out.buf, out.length + bitmapSize);
            const bits = out.buf.subarray(out.length, out.length + bitmapSize);
            bits.fill(0);
            setBits(out.buf, out.length + bitmapSize, out.length + bitmapSize + size, bits);
            out.length += bitmapSize;
          } else {
            list.copyGaps(id, out.buf, out.length);
            out.length += size;
          }
        }
      yield [searchFile(plan.id, b), out.take()];
    }
  }
}

/** The whole index of a set of posts at once, by file name: the dev server's and the tests'. */
export function searchFiles(
  plan: SearchInfo,
  posts: readonly (IndexedPost & { body: string; bodySource?: BodySource })[],
): Map<string, Uint8Array> {
  const builder = new SearchIndexBuilder(plan);
  for (const post of posts) builder.add(post, bodyOf(post));
  return new Map(builder.files());
}
