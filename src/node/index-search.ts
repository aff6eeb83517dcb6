// Published posts → the search index. In: the posts in ordinal order, each with its title and its text
// (search-terms.ts says what a term is). Out: for every term, the posts that hold it (and, apart, those
// whose title holds it), as ordinals, in bucket files; a query fetches one bucket per term. The index's
// name and bucket count (the manifest's `search`) are known before any body is read again (searchPlan):
// every entry page carries them, and the buckets are written after the last post's page.

import { createHash } from 'node:crypto';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SearchInfo } from '../shared/contract.ts';
import { searchFile } from '../shared/paths.ts';
import { bodyOf, type BodySource } from './load-body.ts';
import { Postings } from './term-postings.ts';
import { workerSource } from './worker-source.ts';
import type { WriteCount } from './write-files.ts';
import {
  bucketOf,
  cjkBucketOf,
  cjkTerm,
  normaliseText,
  plainText,
  scanTerms,
  SEARCH_ENTRY,
  stemsWords,
  stemTerm,
  type TermSink,
} from '../shared/search-terms.ts';

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

/** Which of the index's buckets a builder makes: those whose number is `index` modulo `of`. */
export interface IndexPart {
  index: number;
  of: number;
}

/**
 * Adds the terms a scan finds to a post's lists (and to its title's, for a title); with `stems`, each
 * English word's stem too; with a `part`, only the terms of its buckets.
 */
class Collect implements TermSink {
  constructor(
    private readonly list: Postings,
    private readonly ordinal: number,
    private readonly stems: boolean,
    private readonly title: Postings | undefined,
    private readonly part: (IndexPart & { buckets: number }) | undefined,
  ) {}

  /** Whether a bucket is the part's (a part is given). */
  private mine(bucket: number): boolean {
    return bucket % this.part!.of === this.part!.index;
  }

  /** Whether a term other than a CJK one is this collector's to add. */
  private keeps(term: string): boolean {
    return this.part === undefined || this.mine(bucketOf(term, this.part.buckets));
  }

  cjk(first: number, second: number): void {
    const part = this.part;
    if (part === undefined) {
      Collect.cjkInto(this.list, first, second, this.ordinal);
      if (this.title) Collect.cjkInto(this.title, first, second, this.ordinal);
      return;
    }
    const char = this.mine(cjkBucketOf(first, -1, part.buckets));
    const pair = second >= 0 && this.mine(cjkBucketOf(first, second, part.buckets));
    for (const list of this.title ? [this.list, this.title] : [this.list]) {
      if (char) Collect.cjkInto(list, first, -1, this.ordinal);
      if (pair) Collect.pairInto(list, first, second, this.ordinal);
    }
  }

  word(word: string): void {
    if (this.keeps(word)) this.term(word);
    const stem = this.stems ? stemTerm(word) : undefined;
    if (stem !== undefined && this.keeps(stem)) this.term(stem);
  }

  private term(term: string): void {
    this.list.add(this.list.string(term), this.ordinal);
    this.title?.add(this.title.string(term), this.ordinal);
  }

  /** A character, and its pair with the next (`second`, -1 for none). */
  private static cjkInto(list: Postings, first: number, second: number, ordinal: number): void {
    list.add(first > 0xffff ? list.string(cjkTerm(first, -1)) : list.char(first), ordinal);
    if (second >= 0) Collect.pairInto(list, first, second, ordinal);
  }

  private static pairInto(list: Postings, first: number, second: number, ordinal: number): void {
    list.add(
      first > 0xffff || second > 0xffff
        ? list.string(cjkTerm(first, second))
        : list.pair((first << 16) | second),
      ordinal,
    );
  }
}

export class SearchIndexBuilder {
  /** Every term's posts; and, apart, the posts whose title holds it (relevance). */
  private readonly lists = { all: new Postings(), title: new Postings() };
  private posts = 0;
  /** The buckets this builder makes, where threads share an index; else all. */
  private readonly part: (IndexPart & { buckets: number }) | undefined;

  /** `lang`: the language of posts that name none (the site's): whether their words have stems. */
  constructor(
    private readonly plan: SearchInfo,
    private readonly lang: string,
    part?: IndexPart,
  ) {
    this.part = part && { ...part, buckets: plan.buckets };
  }

  /** Adds a post's terms; posts come in ordinal order. `body` is its Markdown. */
  add(post: IndexedPost, body: string): void {
    const ordinal = post.ordinal;
    this.posts = Math.max(this.posts, ordinal + 1);
    const { all, title } = this.lists;
    const stems = stemsWords(post.lang ?? this.lang);
    scanTerms(normaliseText(post.title), new Collect(all, ordinal, stems, title, this.part));
    const rest = new Collect(all, ordinal, stems, undefined, this.part);
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
        const cjk = list.cjkOf(id);
        bucket[id] = cjk ? cjkBucketOf(cjk[0], cjk[1], buckets) : bucketOf(list.termOf(id), buckets);
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
      if (this.part && b % this.part.of !== this.part.index) continue;
      for (const { list, kind: field, starts, order } of lists)
        for (let i = starts[b]!; i < starts[b + 1]!; i++) {
          const id = order[i]!;
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
/**
 * From how many characters of body two threads share the index, each making half its buckets: the
 * pages' thread waits for the index most of a real-shaped build (21 of 33 s at 1,000 posts), and two
 * halves cost ~1.4 times one whole (each scans every post) in a little over half its time.
 */
export const INDEX_TWO_THREADS_FROM_CHARS = 16_000_000;
const BATCH = 64;
/** Batches the indexing thread may have queued before the pages wait for it. */
const BACKLOG = 16;

/**
 * The search index of a build, written into `outDir` (`lang`: the site's; `chars`: the posts' bodies'
 * characters). A large archive is indexed on a worker thread, or two that share its buckets, beside
 * the thread that makes and writes the pages (at 10k small posts the index is ~2 s of work here, and
 * the build 3 s shorter for it); where no thread starts, on this one.
 */
export function searchIndexer(
  plan: SearchInfo,
  lang: string,
  posts: number,
  outDir: string,
  write: (files: Iterable<[string, Uint8Array]>) => Promise<WriteCount>,
  chars = 0,
): SearchIndexer {
  const threaded = posts >= INDEX_THREAD_FROM || chars >= INDEX_THREAD_FROM_CHARS;
  const count = chars >= INDEX_TWO_THREADS_FROM_CHARS && os.availableParallelism() >= 2 ? 2 : 1;
  const workers: Worker[] = [];
  if (threaded)
    try {
      for (let index = 0; index < count; index++) {
        const part: IndexPart | undefined = count > 1 ? { index, of: count } : undefined;
        workers.push(
          new Worker(workerSource('search-worker'), { eval: true, workerData: { plan, lang, outDir, part } }),
        );
      }
    } catch {
      for (const w of workers) void w.terminate();
      workers.length = 0;
    }
  if (workers.length === 0) {
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
  // Batches sent and not yet indexed by the slowest thread: past BACKLOG the writer waits (`backlog`),
  // else a writer faster than the index (a rebuild leaving its files as they are) heaps up bodies in
  // the threads' queues, ~600 MiB at 100k posts.
  let sent = 0;
  const indexed = workers.map(() => 0);
  const unindexed = () => sent - Math.min(...indexed);
  let drained: (() => void) | undefined;
  let waiting: Promise<void> | undefined;
  const done = Promise.all(
    workers.map(
      (thread, k) =>
        new Promise<WriteCount>((resolve, reject) => {
          thread.on('message', (m: IndexerReply) => {
            if (m.indexed) {
              indexed[k]!++;
              if (unindexed() <= BACKLOG / 2 && drained) {
                drained();
                drained = waiting = undefined;
              }
            } else if (m.error === undefined) resolve(m.written!);
            else reject(new Error(`folio: search index: ${m.error}`));
          });
          thread.once('error', reject);
          thread.once('exit', (code) =>
            reject(new Error(`folio: the search index's thread stopped (${code})`)),
          );
        }),
    ),
  ).then((counts) =>
    counts.reduce((a, b) => ({ files: a.files + b.files, unchanged: a.unchanged + b.unchanged })),
  );
  let batch: [IndexedPost, string][] = [];
  const send = () => {
    if (batch.length > 0) {
      for (const thread of workers) thread.postMessage({ posts: batch } satisfies IndexerMessage);
      sent++;
    }
    batch = [];
  };
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    send();
    for (const thread of workers) thread.postMessage({} satisfies IndexerMessage);
  };
  return {
    add(post, body) {
      // only what the index reads of a post crosses to the threads
      const { ordinal, slug, title, authors, tags, categories, excerpt, lang } = post;
      batch.push([{ ordinal, slug, title, authors, tags, categories, excerpt, lang }, body]);
      if (batch.length === BATCH) send();
    },
    end,
    backlog() {
      if (unindexed() < BACKLOG) return undefined;
      return (waiting ??= new Promise<void>((resolve) => (drained = resolve)));
    },
    async finish() {
      end();
      try {
        return await done;
      } finally {
        for (const thread of workers) void thread.terminate();
      }
    },
  };
}
