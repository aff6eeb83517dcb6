// Content folder → every file in it, classified. In: the content folder. Out: posts, pages and other
// files (relative paths with `/`), and files that were not followed (links outside, loops, unreadable).
import fs from 'node:fs';
import path from 'node:path';

export type FileRole = 'post' | 'page' | 'draft' | 'other';

export interface FoundFile {
  /** Relative to the content folder, with `/`. */
  path: string;
  /** Absolute path to read (a link's target when the file is a link inside the folder). */
  abs: string;
  role: FileRole;
  /**
   * Size and time of the last change, when the walk took them (`stat`): the dev server compares them
   * from run to run. A build reads every file anyway and learns its size from reading it.
   */
  size?: number;
  mtimeMs?: number;
}

export interface NotFollowed {
  path: string;
  reason: string;
  /** Whether it is an error (it could not be read: strict mode fails), not a choice of the walk's. */
  error?: true;
}

/** Markdown extensions, as Jekyll's default `markdown_ext` (plus `.markdown`). */
const MARKDOWN_EXT = /\.(?:md|markdown|mkdown|mkdn|mkd)$/i;

function roleOf(rel: string): FileRole {
  if (!MARKDOWN_EXT.test(rel)) return 'other';
  const parts = rel.split('/');
  if (parts.includes('_drafts')) return 'draft';
  if (parts.length === 2 && parts[0] === 'pages') return 'page';
  return 'post';
}

/** Whether `target` is `root` or lies under it (both real paths). */
export function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export interface FoundFiles {
  files: FoundFile[];
  notFollowed: NotFollowed[];
}

/**
 * Takes a changed file's size and time again in an earlier walk, for every name the walk knows it by
 * (a link inside the folder is known by its target). False when the walk does not know it: walk again.
 */
export function restat(found: FoundFiles, file: string): boolean {
  try {
    const real = fs.realpathSync(file);
    const stat = fs.statSync(real);
    const entries = found.files.filter((f) => f.abs === real);
    if (!stat.isFile() || entries.length === 0) return false;
    for (const entry of entries) {
      entry.size = stat.size;
      entry.mtimeMs = stat.mtimeMs;
    }
    return true;
  } catch {
    return false;
  }
}

export interface WalkOptions {
  /**
   * Whether each file's size and time are taken (FoundFile). Default true. Without, a regular file
   * costs the walk no call of its own: at 10k posts the calls were 0.1 s of `npm run check`, on one
   * thread before the readers start (the check's budget: docs/performance.md).
   */
  stat?: boolean;
}

export function findFiles(contentDir: string, { stat: withStat = true }: WalkOptions = {}): FoundFiles {
  const files: FoundFile[] = [];
  const notFollowed: NotFollowed[] = [];
  let root: string;
  try {
    root = fs.realpathSync(contentDir);
  } catch {
    throw new Error(`folio: content folder not found: ${contentDir}`);
  }
  const seenDirs = new Set<string>([root]);
  const walk = (dirAbs: string, dirRel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dirAbs, { withFileTypes: true });
    } catch (e) {
      notFollowed.push({
        path: dirRel || '.',
        reason: `folder could not be read: ${(e as Error).message}`,
        error: true,
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
      let abs = path.join(dirAbs, entry.name);
      if (!withStat && entry.isFile()) {
        files.push({ path: rel, abs, role: roleOf(rel) });
        continue;
      }
      let stat: fs.Stats;
      try {
        if (entry.isSymbolicLink()) {
          const target = fs.realpathSync(abs);
          if (!inside(root, target)) {
            notFollowed.push({
              path: rel,
              reason: 'symbolic link to outside the content folder, not followed',
            });
            continue;
          }
          abs = target;
        }
        stat = fs.statSync(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        notFollowed.push(
          code === 'ELOOP'
            ? { path: rel, reason: 'symbolic link loop, not followed' }
            : code === 'ENOENT'
              ? { path: rel, reason: 'broken symbolic link' }
              : { path: rel, reason: `could not be read: ${(e as Error).message}`, error: true },
        );
        continue;
      }
      if (stat.isDirectory()) {
        if (entry.name.startsWith('.')) {
          notFollowed.push({ path: rel, reason: 'hidden folder, not read' });
          continue;
        }
        if (seenDirs.has(abs)) {
          notFollowed.push({
            path: rel,
            reason: 'symbolic link to a folder already read (a loop), not followed',
          });
          continue;
        }
        seenDirs.add(abs);
        walk(abs, rel);
      } else if (stat.isFile()) {
        files.push({ path: rel, abs, role: roleOf(rel), size: stat.size, mtimeMs: stat.mtimeMs });
      } else {
        notFollowed.push({ path: rel, reason: 'not a regular file' });
      }
    }
  };
  walk(root, '');
  return { files, notFollowed };
}
