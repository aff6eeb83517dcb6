// The search index of a build, written as the pages are: on a thread of its own for a large archive
// (search-worker.ts), else on this one.
import { Worker } from 'node:worker_threads';
import type { SearchInfo } from '../../shared/contract.ts';
import { workerSource } from '../worker-source.ts';
import type { WriteCount } from '../write/write-files.ts';
import { SearchIndexBuilder, type SearchSink } from './index-builder.ts';
import type { IndexedPost } from './plan.ts';

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
