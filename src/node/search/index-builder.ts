// Published posts → the search index. In: the posts in ordinal order, each with its title and its text
// (search-terms.ts says what a term is). Out: for every term, the posts that hold it (and, apart, those
// whose title holds it), as ordinals, in bucket files; a query fetches one bucket per term.
import type { SearchInfo } from '../../shared/contract.ts';
import { searchFile } from '../../shared/paths.ts';
import { bodyOf, type BodySource } from '../read/load-body.ts';
import { Postings, TermTexts } from './term-postings.ts';
import type { IndexedPost } from './plan.ts';
import {
  cjkTerm,
  normaliseText,
  plainText,
  scanTerms,
  SEARCH_ENTRY,
  stemsWords,
  stemTerm,
  type TermSink,
} from '../../shared/search-terms.ts';

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

  /** A character of the BMP from U+0800 on, as its 3 bytes of UTF-8. */
  utf8(c: number): void {
    this.room(3);
    this.buf[this.length++] = 0xe0 | (c >>> 12);
    this.buf[this.length++] = 0x80 | ((c >>> 6) & 0x3f);
    this.buf[this.length++] = 0x80 | (c & 0x3f);
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

/**
 * Gives the terms a scan finds to a post's lists (and its title's, for a title); with `stems`, each
 * English word's stem too.
 */
class Collect implements TermSink {
  constructor(
    private readonly texts: TermTexts,
    private readonly lists: readonly Postings[],
    private readonly stems: boolean,
  ) {}

  cjk(first: number, second: number): void {
    for (const list of this.lists) {
      if (first > 0xffff) list.text(this.texts.idOf(cjkTerm(first, -1)));
      else list.cjk(first << 16);
      if (second < 0) continue;
      if (first > 0xffff || second > 0xffff) list.text(this.texts.idOf(cjkTerm(first, second)));
      else list.cjk((first << 16) | second);
    }
  }

  word(text: string, start: number, end: number): void {
    const id = this.texts.idOf(text, start, end);
    const stem = this.stems ? this.texts.stemOf(id, stemTerm) : -1;
    for (const list of this.lists) {
      list.text(id);
      if (stem >= 0) list.text(stem);
    }
  }
}

export class SearchIndexBuilder {
  /** Every term's posts; and, apart, the posts whose title holds it (relevance). */
  private readonly lists: { all: Postings; title: Postings };
  private readonly texts: TermTexts;
  private posts = 0;

  /** `lang`: the language of posts that name none (the site's): whether their words have stems. */
  constructor(
    private readonly plan: SearchInfo,
    private readonly lang: string,
  ) {
    const texts = (this.texts = new TermTexts(plan.buckets));
    this.lists = { all: new Postings(texts, plan.buckets), title: new Postings(texts, plan.buckets) };
  }

  /** Adds a post's terms; posts come in ordinal order. `body` is its Markdown. */
  add(post: IndexedPost, body: string): void {
    const ordinal = post.ordinal;
    this.posts = Math.max(this.posts, ordinal + 1);
    const { all, title } = this.lists;
    const stems = stemsWords(post.lang ?? this.lang);
    scanTerms(normaliseText(post.title), new Collect(this.texts, [all, title], stems));
    const rest = new Collect(this.texts, [all], stems);
    for (const text of [...post.authors, ...post.tags, ...post.categories, post.excerpt])
      scanTerms(normaliseText(text), rest);
    scanTerms(normaliseText(plainText(body)), rest);
    all.end(ordinal);
    title.end(ordinal);
  }

  /** Terms held, and (term, post) pairs: for the build's figures. */
  stats(): { terms: number; pairs: number } {
    const { all } = this.lists;
    for (let b = 0; b < this.plan.buckets; b++) all.bucketTerms(b);
    return { terms: all.terms, pairs: all.entries };
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
    const lists = [
      { list: this.lists.all, field: 0 },
      { list: this.lists.title, field: SEARCH_ENTRY.title },
    ];
    const out = new Bytes();
    const bitmapSize = Math.ceil(total / 8);
    for (let b = 0; b < buckets; b++) {
      for (const { list, field } of lists)
        for (const id of list.bucketTerms(b)) {
          const size = list.size(id);
          const bitmap = size > bitmapSize;
          out.byte(bitmap ? field | SEARCH_ENTRY.bitmap : field);
          const cjk = list.cjkOf(id);
          if (cjk) {
            // (a CJK character of the BMP is 3 bytes of UTF-8: none is below U+0800)
            out.varint(cjk[1] < 0 ? 3 : 6);
            out.utf8(cjk[0]);
            if (cjk[1] >= 0) out.utf8(cjk[1]);
          } else {
            const term = utf8.encode(list.termOf(id));
            out.varint(term.length);
            out.room(term.length);
            out.buf.set(term, out.length);
            out.length += term.length;
          }
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
  lang: string,
  posts: readonly (IndexedPost & { body: string; bodySource?: BodySource })[],
): Map<string, Uint8Array> {
  const builder = new SearchIndexBuilder(plan, lang);
  for (const post of posts) builder.add(post, bodyOf(post));
  return new Map(builder.files());
}

/** What the build hands the search index as it writes each post's page. */
export interface SearchSink {
  add(post: IndexedPost, body: string): void;
  /** The last post has been added: the index's files can be made while other pages are written. */
  end(): void;
}
