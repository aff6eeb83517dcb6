// Found files → each one read: decoded, front matter parsed, normalised, body analysed. In: the files
// and the reading context. Out: one result per file, in order. Large archives are read on every core:
// worker threads (./read-worker.ts) and this thread claim files one at a time from a shared counter,
// so a slow file holds up no one; a worker that fails leaves its files to this thread.
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FoundFile } from './find-files.ts';
import type { NormaliseContext, PostRecord } from './normalise-post.ts';
import { readPage, readPost, type PageRecord } from './read-post.ts';
import { workerSource } from '../worker-source.ts';

/** A post, a page, or why the file is not read (`error`: a fault of the file the operator must see). */
export type ReadResult = { post: PostRecord } | { page: PageRecord } | { binary: string; error?: true };

/** How many results a worker hands back at a time. */
export const RESULT_BATCH = 256;

/** Below this many files a worker's start (about 0.3 s) costs more than it saves. */
export const PARALLEL_FROM = 2000;

/** One buffer per thread that every file is read into: 10,000 posts are 80 MB of buffers otherwise. */
let scratch = Buffer.allocUnsafe(1 << 20);
/** The largest the buffer is kept at: a rare large file is read into a buffer of its own. */
const SCRATCH_MAX = 8 << 20;

/**
 * A file's bytes, valid until the next call (readPost keeps nothing of them); or, for a file over
 * `max` bytes, its size, and nothing read past the first buffer. The size is asked for only when the
 * buffer fills: most posts take one call to open, two to read and one to close.
 */
export function readBytes(abs: string, max = Infinity): Uint8Array | { tooLarge: number } {
  const fd = fs.openSync(abs, 'r');
  try {
    let buf = scratch;
    let n = 0;
    for (;;) {
      // never more than one byte past the limit
      const room = Math.min(buf.length, max + 1);
      if (n === room) {
        const size = Math.max(fs.fstatSync(fd).size, n);
        if (size > max) return { tooLarge: size };
        // size + 1: the read that finds the end needs room (a file that grows on is read on, in steps)
        const bigger = Buffer.allocUnsafe(Math.max(size + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
        if (buf.length <= SCRATCH_MAX) scratch = buf;
        continue;
      }
      const got = fs.readSync(fd, buf, n, room - n, null);
      if (got === 0) return buf.subarray(0, n);
      n += got;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Which bodies are kept once analysed: all (`true`), none (`false`: the check, which writes no page),
 * or as many as fit in a number of characters (a build), the others read again when their page is
 * written (load-body.ts).
 */
export type KeepBodies = boolean | number;

/** One file read. `bodies`: true, false, or the characters of body this thread may still keep. */
export function readOne(
  file: FoundFile,
  ctx: NormaliseContext,
  bodies: boolean | { left: number } = true,
): ReadResult {
  let bytes: Uint8Array | { tooLarge: number };
  try {
    bytes = readBytes(file.abs, ctx.maxFileSize);
  } catch (e) {
    return { binary: `could not be read: ${(e as Error).message}`, error: true };
  }
  if ('tooLarge' in bytes)
    return {
      binary: `larger than the maxFileSize option (${(bytes.tooLarge / 1048576).toFixed(1)} MiB > ${(ctx.maxFileSize! / 1048576).toFixed(1)} MiB): not read`,
      error: true,
    };
  if (file.role === 'page') {
    const page = readPage(file.path, bytes, ctx);
    return 'binary' in page ? page : { page };
  }
  // the check (no body kept) reads for the report only
  const readFor = bodies === false ? 'report' : 'page';
  const post = readPost(file.path, bytes, { ...ctx, inDrafts: file.role === 'draft' }, readFor);
  if ('binary' in post) return post;
  if (bodies === false) post.body = '';
  else if (bodies !== true) {
    if (post.body.length <= bodies.left) bodies.left -= post.body.length;
    else {
      post.bodySource = { abs: file.abs, start: post.bodyStart, rewrites: [] };
      post.body = '';
    }
  }
  return { post };
}

/** What a worker is given: the files, the context, and the counter it shares with this thread. */
export interface ReadJob {
  files: FoundFile[];
  ctx: NormaliseContext;
  /** The bodies kept: all, none, or this many characters of them on each thread. */
  bodies: KeepBodies;
  next: Int32Array;
}

/** Claims files from the shared counter and reads them until none are left. */
export function readClaimed(
  { files, ctx, bodies, next }: ReadJob,
  done: (index: number, result: ReadResult) => void,
): void {
  const keep = typeof bodies === 'number' ? { left: bodies } : bodies;
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1))
    done(i, readOne(files[i]!, ctx, keep));
}

/**
 * Worker threads that load the reading code and take their job once it is posted. (Started before the
 * folder is walked, to hide their start, they slowed a 10k-post check: the two cores were busy loading
 * modules on both threads.)
 */
class Readers {
  private readonly workers: Worker[] = [];
  private readonly results: Promise<[number, ReadResult][]>[] = [];

  constructor(count = Math.max(os.availableParallelism() - 1, 0)) {
    const source = workerSource('read/read-worker');
    for (let i = 0; i < count; i++) {
      let worker: Worker;
      try {
        worker = new Worker(source, { eval: true });
      } catch {
        continue; // no worker: this thread reads it all
      }
      this.workers.push(worker);
      this.results.push(
        new Promise((resolve) => {
          const results: [number, ReadResult][] = [];
          worker.on('message', (m: [number, ReadResult][]) => {
            for (const r of m) results.push(r);
          });
          worker.once('error', () => resolve(results));
          worker.once('exit', () => resolve(results));
        }),
      );
    }
  }

  /** Hands every worker the job; resolves with what each read. */
  run(job: ReadJob): Promise<[number, ReadResult][][]> {
    for (const w of this.workers) w.postMessage(job);
    return Promise.all(this.results);
  }
}

export interface ReadOptions {
  onProgress?: (done: number, total: number) => void;
  /** Which bodies are kept (KeepBodies); a number is shared out among the threads. Default true. */
  bodies?: KeepBodies;
  /** From how many files on workers join in. Default PARALLEL_FROM. */
  parallelFrom?: number;
  /** After how many milliseconds of reading alone they join anyway. Default JOIN_AFTER_MS. */
  joinAfterMs?: number;
}

/**
 * How long this thread reads alone before workers join (a walk takes no sizes, and a few hundred
 * real-shaped posts of 200 KB each take seconds to read: 1,000 of them 8 s on one thread here).
 */
export const JOIN_AFTER_MS = 250;

export async function readFiles(
  files: FoundFile[],
  ctx: NormaliseContext,
  { onProgress, bodies = true, parallelFrom = PARALLEL_FROM, joinAfterMs = JOIN_AFTER_MS }: ReadOptions = {},
): Promise<ReadResult[]> {
  const results: (ReadResult | undefined)[] = new Array<ReadResult | undefined>(files.length);
  const threads = Math.max(os.availableParallelism(), 1);
  const share = typeof bodies === 'number' ? Math.floor(bodies / threads) : bodies;
  const job: ReadJob = { files, ctx, bodies: share, next: new Int32Array(new SharedArrayBuffer(4)) };
  let workers = files.length >= parallelFrom ? new Readers(threads - 1).run(job) : undefined;
  const start = performance.now();
  let mine = 0;
  readClaimed(job, (i, result) => {
    results[i] = result;
    // workers join a read that turns out long; they claim what is left from the same counter
    if (!workers && i < files.length - threads && performance.now() - start > joinAfterMs)
      workers = new Readers(threads - 1).run(job);
    if (onProgress && ++mine % 5000 === 0)
      onProgress(Math.min(Atomics.load(job.next, 0), files.length), files.length);
  });
  for (const batch of (await workers) ?? []) for (const [i, result] of batch) results[i] = result;
  // What a failed worker had claimed and not handed back.
  return results.map((r, i) => r ?? readOne(files[i]!, ctx, typeof share === 'number' ? { left: 0 } : share));
}
