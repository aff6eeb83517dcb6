// Writes many small files fast: each folder made once, many writes in flight, files made as they
// are written (on disks like this machine's a file costs 0.3–0.6 ms one at a time; DESIGN.md).
//
// A rebuild writes over the last build in place, as Hugo does, instead of emptying the folder first:
// a file whose bytes are unchanged is left alone (its time too, so `rsync` and upload tools skip it),
// a changed one is overwritten, and what this build did not write is deleted at the end. Emptying a
// 100k-post site took 45–50 s on this machine's disk, and every file made in the half minute after
// a mass deletion costs several times more (ext4 without a journal scans the inodes just freed).
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SiteFile } from './emit-site.ts';

const IN_FLIGHT = 64;

// fs's callback forms, promisified: no FileHandle and promise per call as fs/promises makes (~0.3 s of
// CPU over 17,000 files).
const mkdir = promisify(fs.mkdir);
const writeFile = promisify(fs.writeFile);
const copyFile = promisify(fs.copyFile);
const readFile = promisify(fs.readFile);
const open = promisify(fs.open);
const fstat = promisify(fs.fstat);
const read = promisify(fs.read);
const close = promisify(fs.close);
const unlink = promisify(fs.unlink);
const rmdir = promisify(fs.rmdir);
const rm = promisify(fs.rm);

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
async function holds(target: string, bytes: Uint8Array, scratch: { buf: Buffer }): Promise<boolean> {
  if (bytes.length > SCRATCH_MAX)
    return readFile(target).then(
      (old) => Buffer.compare(old, bytes) === 0,
      () => false,
    );
  let fd: number;
  try {
    fd = await open(target, 'r');
  } catch {
    return false;
  }
  try {
    if ((await fstat(fd)).size !== bytes.length) return false;
    if (scratch.buf.length < bytes.length)
      scratch.buf = Buffer.allocUnsafe(Math.min(SCRATCH_MAX, Math.max(bytes.length, 2 * scratch.buf.length)));
    let at = 0;
    for (let n = -1; at < bytes.length && n !== 0; at += n)
      n = (await read(fd, scratch.buf, at, bytes.length - at, at)).bytesRead;
    return at === bytes.length && scratch.buf.subarray(0, at).equals(bytes);
  } catch {
    return false;
  } finally {
    await close(fd).catch(() => {});
  }
}

/** holds(), for a thread that writes its files one at a time (the search index's). */
export function holdsSync(target: string, bytes: Uint8Array): boolean {
  try {
    return Buffer.compare(fs.readFileSync(target), bytes) === 0;
  } catch {
    return false;
  }
}

/**
 * Writes the files as the iterator makes them. With `previous` (the folder's listing before the
 * build), over what is there: a file with the same bytes is left alone, and what stands in a path's
 * way (a folder where a file goes, a file where a folder goes) is removed first; each name written is
 * taken out of `previous.files`, which ends up holding what this build has not written.
 */
export async function writeFiles(
  outDir: string,
  files: Iterable<[string, SiteFile]>,
  previous?: OutputListing,
  /** Asked before each next file; a promise holds the writing until it settles. */
  gate?: () => Promise<void> | undefined,
): Promise<WriteCount> {
  const made = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let p = made.get(dir);
    if (!p) made.set(dir, (p = makeFolder(dir)));
    return p;
  };
  const makeFolder = async (dir: string) => {
    const name = slash(path.relative(outDir, dir));
    if (previous?.dirs.has(name)) return;
    if (previous)
      for (let at = name; at !== '.' && at !== ''; at = path.posix.dirname(at))
        if (previous.files.delete(at)) await unlink(path.join(outDir, at));
    await mkdir(dir, { recursive: true });
  };
  const iterator = files[Symbol.iterator]();
  const count: WriteCount = { files: 0, unchanged: 0 };
  const worker = async () => {
    const scratch = { buf: Buffer.alloc(0) };
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const [name, file] = next.value;
      const wait = gate?.();
      if (wait) await wait;
      const target = path.join(outDir, name);
      if (!target.startsWith(outDir + path.sep))
        throw new Error(`folio: refusing to write outside the output folder: ${name}`);
      count.files++;
      await folder(path.dirname(target));
      if (previous?.dirs.delete(name)) {
        await rm(target, { recursive: true, force: true });
        for (const set of [previous.files, previous.dirs])
          for (const inside of set) if (inside.startsWith(`${name}/`)) set.delete(inside);
      }
      if (typeof file === 'string' || file instanceof Uint8Array) {
        const bytes = typeof file === 'string' ? Buffer.from(file) : file;
        if (previous?.files.has(name) && (await holds(target, bytes, scratch))) count.unchanged++;
        else await writeFile(target, bytes);
      } else await copyFile(file.copy, target);
      previous?.files.delete(name);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return count;
}

/**
 * Deletes what a folder held before a build (`previous`, as writeFiles left it) and the build did not
 * write (`kept` says which of those others wrote), then the folders that leaves empty. A `.git`
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
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  // deepest first, so that a folder's subfolders are gone before it is tried
  for (const dir of [...emptied].sort((a, b) => b.split('/').length - a.split('/').length))
    await rmdir(path.join(outDir, dir)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST' && e.code !== 'ENOENT') throw e;
    });
  return stale.length;
}
