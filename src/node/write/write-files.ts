// Writes many small files fast: on a thread of their own (openWriter), each folder made once, files
// made as they are written.
//
// A rebuild writes over the last build in place, as Hugo does, instead of emptying the folder first:
// a file whose bytes are unchanged is left alone (its time too, so `rsync` and upload tools skip it),
// a changed one is overwritten, and what this build did not write is deleted at the end. Emptying a
// 100k-post site took 45–50 s on this machine's disk, and every file made in the half minute after
// a mass deletion costs several times more (ext4 without a journal scans the inodes just freed).
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';

/** A file's text or bytes, or `{ copy }`: the absolute path of a file to copy as it is. */
export type SiteFile = string | Uint8Array | { copy: string };
import { workerSource } from '../worker-source.ts';

/** Deletions in flight at the end of a rebuild. */
const PRUNING = 64;

const unlink = promisify(fs.unlink);
const rmdir = promisify(fs.rmdir);

/** What an output folder held before a build: its files and folders, by `/`-separated relative name. */
export interface OutputListing {
  files: Set<string>;
  dirs: Set<string>;
}

/** What a write did: files in all, and those left as they were. */
export interface WriteCount {
  files: number;
  unchanged: number;
}

const slash = (name: string) => (path.sep === '/' ? name : name.split(path.sep).join('/'));

/**
 * Lists an output folder before a build writes over it; undefined when it is missing or empty. Symbolic
 * links in it are removed (a write through one could land outside the folder; emptying it would have
 * removed them too).
 */
export async function listOutput(outDir: string): Promise<OutputListing | undefined> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(outDir, { withFileTypes: true, recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (entries.length === 0) return undefined;
  const listing: OutputListing = { files: new Set(), dirs: new Set() };
  for (const e of entries) {
    const abs = path.join(e.parentPath, e.name);
    const name = slash(path.relative(outDir, abs));
    if (e.isSymbolicLink()) await unlink(abs);
    else if (e.isDirectory()) listing.dirs.add(name);
    else listing.files.add(name);
  }
  return listing;
}

/** Files up to this size are compared in a buffer of the writer's own, larger ones read whole. */
const SCRATCH_MAX = 1 << 20;

/**
 * Whether a file holds exactly these bytes (not when it cannot be read). Read into `scratch`, the
 * caller's buffer, reused: a rebuild compares every file, 1.8 GiB at 100k posts, and a buffer per
 * read held ~600 MiB more of the build's peak before the collector freed them.
 */
export function holdsSync(target: string, bytes: Uint8Array, scratch = { buf: Buffer.alloc(0) }): boolean {
  let fd: number;
  try {
    if (bytes.length > SCRATCH_MAX) return Buffer.compare(fs.readFileSync(target), bytes) === 0;
    fd = fs.openSync(target, 'r');
  } catch {
    return false;
  }
  try {
    if (fs.fstatSync(fd).size !== bytes.length) return false;
    if (scratch.buf.length < bytes.length)
      scratch.buf = Buffer.allocUnsafe(Math.min(SCRATCH_MAX, Math.max(bytes.length, 2 * scratch.buf.length)));
    let at = 0;
    for (let n = -1; at < bytes.length && n !== 0; at += n)
      n = fs.readSync(fd, scratch.buf, at, bytes.length - at, at);
    return at === bytes.length && scratch.buf.subarray(0, at).equals(bytes);
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes files one at a time, each folder made once, on the thread it runs on (the writer's thread,
 * ./write-worker.ts). With `previous` (the folder's listing before the build), over what is there: a
 * file with the same bytes is left alone, and what stands in a path's way (a folder where a file
 * goes, a file where a folder goes) is removed first; each name written is taken out of
 * `previous.files`, which ends up holding what this build has not written.
 */
export class FolderWriter {
  private readonly made = new Set<string>();
  private readonly scratch = { buf: Buffer.alloc(0) };
  constructor(
    readonly outDir: string,
    readonly previous?: OutputListing,
  ) {}

  private folder(dir: string): void {
    if (this.made.has(dir)) return;
    this.made.add(dir);
    const { outDir, previous } = this;
    const name = slash(path.relative(outDir, dir));
    if (previous?.dirs.has(name)) return;
    if (previous)
      for (let at = name; at !== '.' && at !== ''; at = path.posix.dirname(at))
        if (previous.files.delete(at)) fs.unlinkSync(path.join(outDir, at));
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Writes one file; true when it held these bytes already and was left alone. */
  write(name: string, file: SiteFile): boolean {
    const { outDir, previous } = this;
    const target = path.join(outDir, name);
    if (!target.startsWith(outDir + path.sep))
      throw new Error(`folio: refusing to write outside the output folder: ${name}`);
    this.folder(path.dirname(target));
    if (previous?.dirs.delete(name)) {
      fs.rmSync(target, { recursive: true, force: true });
      for (const set of [previous.files, previous.dirs])
        for (const inside of set) if (inside.startsWith(`${name}/`)) set.delete(inside);
    }
    let unchanged = false;
    if (typeof file === 'string' || file instanceof Uint8Array) {
      if (previous?.files.has(name)) {
        const bytes = typeof file === 'string' ? Buffer.from(file) : file;
        unchanged = holdsSync(target, bytes, this.scratch);
        if (!unchanged) fs.writeFileSync(target, bytes);
      } else fs.writeFileSync(target, file);
    } else fs.copyFileSync(file.copy, target);
    previous?.files.delete(name);
    return unchanged;
  }
}

/** A listing as it crosses between threads: its names as arrays. */
export interface ListingNames {
  files: string[];
  dirs: string[];
}
export const listingNames = ({ files, dirs }: OutputListing): ListingNames => ({
  files: [...files],
  dirs: [...dirs],
});
export const listingOf = ({ files, dirs }: ListingNames): OutputListing => ({
  files: new Set(files),
  dirs: new Set(dirs),
});

/** What the writer's thread starts with: the output folder, and its listing. */
export interface WriterData {
  outDir: string;
  previous?: ListingNames;
}

/** Messages to the writer's thread: a batch of files, or (none) the end. */
export interface WriterMessage {
  batch?: number;
  files?: [string, SiteFile][];
}

/** Messages from it: a batch written (or what went wrong), or at the end what the listing still holds. */
export interface WriterReply {
  batch?: number;
  files?: number;
  unchanged?: number;
  error?: string;
  /** The file whose writing failed. */
  name?: string;
  left?: ListingNames;
}

/** A file the writer could not write: its name in the output folder, for the build to say whose it is. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** Files a batch holds at most, characters of text, and batches sent and not yet written. */
const BATCH_FILES = 32;
const BATCH_CHARS = 1 << 18;
const IN_FLIGHT = 2;
const encoder = new TextEncoder();
/**
 * Bytes of shared memory a batch's text is written into: UTF-8 takes at most 3 bytes per character, and
 * a batch ends past BATCH_CHARS, by its last file (a batch of a larger page has memory of its own).
 */
const SHARED_BYTES = 2 * BATCH_CHARS * 3;

/** The writer of one output folder, on a thread of its own; write() may be called more than once. */
export interface SiteWriter {
  /** Writes the files as the iterator makes them; `gate`, asked before each, holds the writing. */
  write(files: Iterable<[string, SiteFile]>, gate?: () => Promise<void> | undefined): Promise<WriteCount>;
  /** Ends the thread; `previous` then holds what the writes did not write over. */
  close(): Promise<void>;
}

/**
 * A writer for `outDir` (over `previous`, when given), on a thread of its own: the pages are made on
 * this thread and written, with the system's calls made one at a time, on that one (./write-worker.ts).
 * On this machine's disk 17,000 files took 1.2-1.4 s of one core so, where 64 writes in flight through
 * libuv's pool took 1.85 s of CPU, and this thread's share of it (promises, callbacks, the pool's
 * wake-ups) was the build's longest path. Where no thread starts, the files are written here.
 */
export function openWriter(outDir: string, previous?: OutputListing): SiteWriter {
  let thread: Worker | undefined;
  try {
    thread = new Worker(workerSource('write/write-worker'), {
      eval: true,
      workerData: { outDir, previous: previous && listingNames(previous) } satisfies WriterData,
    });
  } catch {
    thread = undefined;
  }
  const replies = new Map<number, (reply: WriterReply) => void>();
  let batches = 0;
  /** Shared memory free for a batch's text. */
  const pool: SharedArrayBuffer[] = [];
  const sharedFor = (bytes: number) => {
    const free = pool.findIndex((b) => b.byteLength >= bytes);
    return free === -1 ? new SharedArrayBuffer(Math.max(bytes, SHARED_BYTES)) : pool.splice(free, 1)[0]!;
  };
  let failed: Error | undefined;
  let closed: Promise<void> | undefined;
  let ended: ((reply: WriterReply) => void) | undefined;
  let stopped: Promise<never> | undefined;
  if (thread) {
    thread.on('message', (reply: WriterReply) => {
      if (reply.batch === undefined) return ended?.(reply);
      replies.get(reply.batch)?.(reply);
      replies.delete(reply.batch);
    });
    stopped = new Promise<never>((_, reject) => {
      thread.once('error', reject);
      thread.once('exit', (code) => reject(new Error(`folio: the writer's thread stopped (${code})`)));
    });
    stopped.catch(() => {});
  }
  const here = thread ? undefined : new FolderWriter(outDir, previous);

  /** One batch, written: its count, or the first failure. */
  const send = (files: [string, SiteFile][]): Promise<WriteCount> => {
    if (here) {
      let unchanged = 0;
      for (const [name, file] of files) if (here.write(name, file)) unchanged++;
      return Promise.resolve({ files: files.length, unchanged });
    }
    const batch = batches++;
    // Text crosses as UTF-8, written by this thread into memory both threads share: no copy of each
    // page made for the message, none made again there, and no buffer per page for the collectors
    // (~15 MiB less of a 10k-post build's peak than pages handed over as buffers).
    let need = 0;
    for (const [, file] of files) if (typeof file === 'string') need += file.length * 3;
    const shared = sharedFor(need);
    const into = new Uint8Array(shared);
    let at = 0;
    const message: WriterMessage = {
      batch,
      files: files.map(([name, file]): [string, SiteFile] => {
        if (typeof file !== 'string') return [name, file];
        const { written } = encoder.encodeInto(file, into.subarray(at));
        const bytes = new Uint8Array(shared, at, written);
        at += written;
        return [name, bytes];
      }),
    };
    const written = new Promise<WriterReply>((resolve) => {
      replies.set(batch, resolve);
      thread!.postMessage(message);
    });
    return Promise.race([written, stopped!]).then((reply) => {
      if (shared.byteLength === SHARED_BYTES) pool.push(shared); // (one made for a large page is let go)
      if (reply.error !== undefined) throw (failed ??= new WriteError(reply.error, reply.name ?? ''));
      return { files: reply.files!, unchanged: reply.unchanged! };
    });
  };

  return {
    async write(files, gate) {
      const sent: Promise<WriteCount>[] = [];
      let batch: [string, SiteFile][] = [];
      let chars = 0;
      const flush = async () => {
        const done = send(batch);
        done.catch(() => {}); // (awaited below, or in Promise.all)
        sent.push(done);
        batch = [];
        chars = 0;
        if (sent.length > IN_FLIGHT) await sent[sent.length - 1 - IN_FLIGHT];
      };
      for (const entry of files) {
        if (failed) throw failed;
        const wait = gate?.();
        if (wait) await wait;
        batch.push(entry);
        const file = entry[1];
        chars += typeof file === 'string' || file instanceof Uint8Array ? file.length : 0;
        if (batch.length === BATCH_FILES || chars >= BATCH_CHARS) await flush();
      }
      if (batch.length > 0) await flush();
      const count: WriteCount = { files: 0, unchanged: 0 };
      for (const c of await Promise.all(sent)) {
        count.files += c.files;
        count.unchanged += c.unchanged;
      }
      return count;
    },
    close() {
      if (!thread) return Promise.resolve();
      return (closed ??= (async () => {
        if (!failed) {
          const reply = await Promise.race([
            new Promise<WriterReply>((resolve) => {
              ended = resolve;
              thread.postMessage({} satisfies WriterMessage);
            }),
            stopped!,
          ]);
          if (previous && reply.left) Object.assign(previous, listingOf(reply.left));
        }
        await thread.terminate();
      })());
    },
  };
}

/** Writes the files as the iterator makes them (openWriter), and ends the writer's thread. */
export async function writeFiles(
  outDir: string,
  files: Iterable<[string, SiteFile]>,
  previous?: OutputListing,
  gate?: () => Promise<void> | undefined,
): Promise<WriteCount> {
  const writer = openWriter(outDir, previous);
  try {
    return await writer.write(files, gate);
  } finally {
    await writer.close();
  }
}

/**
 * Deletes what a folder held before a build (`previous`, as writeFiles left it) and the build did not
 * write (`kept` names those to keep: what others wrote, what is not the build's to remove), then the folders that leaves empty. A `.git`
 * folder at the top is kept, as Vite keeps it when it empties a folder. Resolves with the number of
 * files deleted.
 */
export async function pruneOutput(
  outDir: string,
  previous: OutputListing,
  kept: (name: string) => boolean,
): Promise<number> {
  const stale = [...previous.files].filter((name) => !kept(name) && !/^\.git(?:\/|$)/.test(name));
  const emptied = new Set<string>();
  const iterator = stale[Symbol.iterator]();
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      await unlink(path.join(outDir, next.value)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
      for (let dir = path.posix.dirname(next.value); dir !== '.'; dir = path.posix.dirname(dir))
        emptied.add(dir);
    }
  };
  await Promise.all(Array.from({ length: PRUNING }, worker));
  // deepest first, so that a folder's subfolders are gone before it is tried
  for (const dir of [...emptied].sort((a, b) => b.split('/').length - a.split('/').length))
    await rmdir(path.join(outDir, dir)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST' && e.code !== 'ENOENT') throw e;
    });
  return stale.length;
}
