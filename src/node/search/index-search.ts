// Published posts → the search index. In: the posts in ordinal order, each with its title and its text
// (search-terms.ts says what a term is). Out: for every term, the posts that hold it (and, apart, those
// whose title holds it), as ordinals, in bucket files; a query fetches one bucket per term. The index's
// name and bucket count (the manifest's `search`) are known before any body is read again (searchPlan):
// every entry page carries them, and the buckets are written after the last post's page.

import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { SearchInfo } from '../../shared/contract.ts';
import { searchFile } from '../../shared/paths.ts';
import { bodyOf, type BodySource } from '../read/load-body.ts';
import { Postings, TermTexts } from './term-postings.ts';
import { workerSource } from '../worker-source.ts';
import type { WriteCount } from '../write/write-files.ts';
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

/** Version of the bucket format: part of every index's name. */
export const SEARCH_FORMAT = 2;
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
  /** The post's own language, where it names one (else the site's). */
  lang?: string;
}

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

/** A sink that writes the index's files once the posts have ended; resolves with their count. */
export interface SearchIndexer extends SearchSink {
  finish(): Promise<WriteCount>;
  /** While too many posts wait to be indexed, a promise of when there are fewer; else undefined. */
  backlog(): Promise<void> | undefined;
}

/** Messages to the indexing thread: a batch of posts, or (none) the end. */
export interface IndexerMessage {
  posts?: [IndexedPost, string][];
}

/** Messages from it: a batch indexed; or the files written, or what went wrong. */
export interface IndexerReply {
  indexed?: true;
  written?: WriteCount;
  error?: string;
}

/**
 * From how many posts, or characters of their bodies, a build indexes on a thread of its own (one
 * starts in ~50 ms): 2,000 small posts, or a few dozen real-shaped ones (the index of 1,000 posts of
 * ~100 K characters each is ~15 s of work here).
 */
export const INDEX_THREAD_FROM = 2000;
export const INDEX_THREAD_FROM_CHARS = 4_000_000;
const BATCH = 64;
/** Batches the indexing thread may have queued before the pages wait for it. */
const BACKLOG = 16;

/**
 * The search index of a build, written into `outDir` (`lang`: the site's; `chars`: the posts' bodies'
 * characters). A large archive is indexed on a worker thread beside the thread that makes and writes
 * the pages (at 10k small posts the index is ~2 s of work here, and the build 3 s shorter for it);
 * where no thread starts, on this one. (Two threads that each made half the buckets once shortened a
 * real-shaped build, when the index's time went on its lists; since it goes on reading the text, which
 * each would do whole, one does.)
 */
export function searchIndexer(
  plan: SearchInfo,
  lang: string,
  posts: number,
  outDir: string,
  write: (files: Iterable<[string, Uint8Array]>) => Promise<WriteCount>,
  chars = 0,
): SearchIndexer {
  let thread: Worker | undefined;
  if (posts >= INDEX_THREAD_FROM || chars >= INDEX_THREAD_FROM_CHARS)
    try {
      thread = new Worker(workerSource('search/search-worker'), {
        eval: true,
        workerData: { plan, lang, outDir },
      });
    } catch {
      thread = undefined;
    }
  if (thread === undefined) {
    const builder = new SearchIndexBuilder(plan, lang);
    let written: Promise<WriteCount> | undefined;
    const finish = () => (written ??= write(builder.files()));
    return {
      add: (post, body) => builder.add(post, body),
      end: () => void finish(),
      finish,
      backlog: () => undefined,
    };
  }
  const worker = thread;
  // Batches sent and not yet indexed: past BACKLOG the writer waits (`backlog`), else a writer faster
  // than the index (a rebuild leaving its files as they are) heaps up bodies in the thread's queue,
  // ~600 MiB at 100k posts.
  let unindexed = 0;
  let drained: (() => void) | undefined;
  let waiting: Promise<void> | undefined;
  const done = new Promise<WriteCount>((resolve, reject) => {
    worker.on('message', (m: IndexerReply) => {
      if (m.indexed) {
        if (--unindexed <= BACKLOG / 2 && drained) {
          drained();
          drained = waiting = undefined;
        }
      } else if (m.error === undefined) resolve(m.written!);
      else reject(new Error(`folio: search index: ${m.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`folio: the search index's thread stopped (${code})`)));
  });
  let batch: [IndexedPost, string][] = [];
  const send = () => {
    if (batch.length > 0) {
      worker.postMessage({ posts: batch } satisfies IndexerMessage);
      unindexed++;
    }
    batch = [];
  };
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    send();
    worker.postMessage({} satisfies IndexerMessage);
  };
  return {
    add(post, body) {
      // only what the index reads of a post crosses to the thread
      const { ordinal, slug, title, authors, tags, categories, excerpt, lang } = post;
      batch.push([{ ordinal, slug, title, authors, tags, categories, excerpt, lang }, body]);
      if (batch.length === BATCH) send();
    },
    end,
    backlog() {
      if (unindexed < BACKLOG) return undefined;
      return (waiting ??= new Promise<void>((resolve) => (drained = resolve)));
    },
    async finish() {
      end();
      try {
        return await done;
      } finally {
        void worker.terminate();
      }
    },
  };
}
